// The command line loads only the file of the command it runs (electron/cli/commands.ts): the list
// of which file registers which command must match what the files really register, and a run that
// names no known command loads them all so commander can show help or suggest a name.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_FILES, commandFilesFor, commandName } from '../../../electron/cli/commands';
import type { Io } from '../../../electron/cli/output';
import { main } from '../../../electron/cli/main';

const quiet: Io = {
  out: () => undefined,
  err: () => undefined,
  stdin: () => Promise.resolve(null),
  env: {},
};

function captured(): Io & { text: () => string } {
  let text = '';
  return { ...quiet, out: (t) => void (text += t), err: (t) => void (text += t), text: () => text };
}

describe('which command files a run loads', () => {
  it('lists, for each file, exactly the top-level commands it registers', async () => {
    for (const file of COMMAND_FILES) {
      const program = new Command('returndesk');
      (await file.load())(program, quiet, () => undefined);
      expect(program.commands.map((c) => c.name())).toEqual(file.names);
    }
  });

  it('names no command in two files', () => {
    const names = COMMAND_FILES.flatMap((f) => f.names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds the command after the global --data-dir, in either spelling', () => {
    expect(commandName(['validate', 'a.amd'])).toBe('validate');
    expect(commandName(['--data-dir', 'D', 'files', 'list'])).toBe('files');
    expect(commandName(['--data-dir=D', 'login', '--json'])).toBe('login');
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName(['--data-dir', 'D'])).toBeUndefined();
    expect(commandName([])).toBeUndefined();
  });

  it('loads one file for a known command, and every file otherwise', () => {
    expect(commandFilesFor(['validate', 'a.amd']).map((f) => f.names)).toEqual([['validate']]);
    expect(commandFilesFor(['--data-dir', 'D', 'status', '3'])).toEqual([
      COMMAND_FILES.find((f) => f.names.includes('status')),
    ]);
    for (const argv of [[], ['--help'], ['help', 'validate'], ['valdate', 'a.amd']])
      expect(commandFilesFor(argv)).toBe(COMMAND_FILES);
  });

  it('lists every command in the help, in the order of the list', async () => {
    const io = captured();
    expect(await main(['--help'], io)).toBe(0);
    const listed = [...io.text().matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
    expect(listed.filter((n) => n !== 'help')).toEqual(COMMAND_FILES.flatMap((f) => f.names));
  });

  it('suggests the command meant when a name is mistyped', async () => {
    const io = captured();
    expect(await main(['valdate', 'a.amd'], io)).toBe(2);
    expect(io.text()).toMatch(/Did you mean validate\?/);
  });
});
