// The `returndesk` command line: parses arguments and maps every failure to one clear line and an
// exit code. Commands live in their own files, loaded only when named (see commands.ts).
import { Command, CommanderError } from 'commander';
import { commandFilesFor } from './commands';
import { EXIT, RefusedError, UsageError, processIo } from './output';
import type { Io } from './output';
import { OperationFailed } from './door';
import { EXIT_CODES } from './exit-codes';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('returndesk')
    .description('ReturnDesk: build, check and upload regulatory data returns')
    .option(
      '--data-dir <dir>',
      'the history folder (default: RETURNDESK_DATA_DIR, else the local application data folder)',
    )
    .option(
      '--audit-passphrase-stdin',
      "where there is no credential vault: read the audit passphrase (from which the audit trail's key is derived) from standard input",
    )
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const setExit = (c: number) => {
    code = c;
  };
  // Subcommands report failures by throwing; exitOverride on each keeps commander from exiting.
  const override = (c: Command): void => {
    c.exitOverride();
    c.configureOutput({ writeOut: io.out, writeErr: io.err });
    c.commands.forEach(override);
  };
  try {
    // Inside the try: a command's code that cannot load (a native module missing) is one line too.
    const registers = await Promise.all(commandFilesFor(argv).map((f) => f.load()));
    for (const register of registers) register(program, io, setExit);
    program.commands.forEach(override);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof OperationFailed) {
      io.err(`returndesk: ${e.text}\n`);
      return EXIT_CODES[e.error.code];
    }
    if (e instanceof UsageError) {
      io.err(`returndesk: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof RefusedError) {
      // One problem is one line (what is wrong and what to fix); several are listed under it.
      const [only, ...more] = e.problems;
      if (only !== undefined && more.length === 0) io.err(`returndesk: ${e.message} ${only}\n`);
      else io.err(`returndesk: ${e.message}\n${e.problems.map((p) => `  - ${p}\n`).join('')}`);
      return EXIT.invalid;
    }
    io.err(`returndesk: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
}
