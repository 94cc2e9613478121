// The `returndesk` command line: parses arguments and maps every failure to one clear line and an
// exit code. Commands live in their own files.
import { Command, CommanderError } from 'commander';
import { registerValidate } from './validate-command';
import { registerBuild } from './build-command';
import { registerProvider } from './provider-command';
import { registerPlan } from './plan-command';
import { registerFiles } from './files-command';
import { registerBatch } from './batch-command';
import { registerAudit } from './audit-command';
import { registerUpload } from './upload-command';
import { registerServe } from './serve-command';
import { registerPortal } from './portal-command';
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
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const setExit = (c: number) => {
    code = c;
  };
  registerValidate(program, io, setExit);
  registerBuild(program, io, setExit);
  registerProvider(program, io);
  registerPlan(program, io);
  registerFiles(program, io);
  registerBatch(program, io);
  registerAudit(program, io, setExit);
  registerUpload(program, io);
  registerServe(program, io);
  registerPortal(program, io, setExit);
  // Subcommands report failures by throwing; exitOverride on each keeps commander from exiting.
  const override = (c: Command): void => {
    c.exitOverride();
    c.configureOutput({ writeOut: io.out, writeErr: io.err });
    c.commands.forEach(override);
  };
  program.commands.forEach(override);
  try {
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
