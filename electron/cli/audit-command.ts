import type { Command } from 'commander';
import { basename } from 'node:path';
import { print, table, wholeNumber } from './session';
import { EXIT } from './output';
import type { Io } from './output';
import { perform } from './door';

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('The audit trail: every change, hash-chained');
  audit
    .command('verify')
    .description('Check that no audit entry was changed or removed (exit 1 if one was)')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const v = await perform(cmd, io, 'audit.verify', undefined);
      print(io, o.json, v, () =>
        v.ok
          ? `The audit trail is intact: ${v.entries} entries.\n`
          : `The audit trail has been tampered with: ${v.firstBad.problem}. The first bad entry is ${v.firstBad.id}.\n`,
      );
      setExit(v.ok ? EXIT.ok : EXIT.invalid);
    });
  audit
    .command('list')
    .description('Show the newest audit entries')
    .option('--subject <subject>', 'e.g. plan:3, file:chg105432A01.amd, batch:2')
    .option('--limit <n>', 'how many', wholeNumber('--limit'), 50)
    .option('--json', 'print as JSON')
    .action(async (o: { subject?: string; limit: number; json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'audit.list', { subject: o.subject, limit: o.limit });
      print(io, o.json, list, () =>
        table(
          ['#', 'When', 'Who', 'Action', 'Subject', 'Details'],
          list.map((e) => [e.id, e.at, e.user, e.action, e.subject, e.details]),
        ),
      );
    });

  program
    .command('backup')
    .description(
      "Copy the history with SQLite's online backup, to a file or (without --to) the backups folder",
    )
    .option('--to <file>', 'backup file to write')
    .option('--json', 'print as JSON')
    .action(async (o: { to?: string; json?: boolean }, cmd: Command) => {
      const file = o.to;
      if (file === undefined) {
        const b = await perform(cmd, io, 'backups.create', undefined);
        print(io, o.json, b, () => `Backed up the history as ${b.name} in the backups folder.\n`);
        return;
      }
      // The place goes to the operation behind a function: only this door, in the same process as
      // the operations, can name one (shared/ipc/sink.ts).
      const to = { fileName: basename(file), path: () => file };
      await perform(cmd, io, 'backups.create', { to });
      print(io, o.json, { backup: file }, () => `Backed up the history to ${file}.\n`);
    });
}
