import type { Command } from 'commander';
import { print, table, withStore } from './session';
import { EXIT, UsageError } from './output';
import type { Io } from './output';

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('The audit trail: every change, hash-chained');
  audit
    .command('verify')
    .description('Check that no audit entry was changed or removed (exit 1 if one was)')
    .option('--json', 'print as JSON')
    .action(async (raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const v = s.verifyAudit();
        print(io, raw.json, v, () =>
          v.ok
            ? `The audit trail is intact: ${v.entries} entries.\n`
            : `The audit trail has been tampered with: ${v.firstBad.problem}. The first bad entry is ${v.firstBad.id}.\n`,
        );
        setExit(v.ok ? EXIT.ok : EXIT.invalid);
      });
    });
  audit
    .command('list')
    .description('Show the newest audit entries')
    .option('--subject <subject>', 'e.g. plan:3, file:chg105432A01.amd, batch:2')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print as JSON')
    .action(async (raw: { subject?: string; limit: string; json?: boolean }, cmd: Command) => {
      if (!/^\d+$/.test(raw.limit)) throw new UsageError('--limit must be a whole number.');
      await withStore(cmd, io, (s) => {
        const list = s.audit.list(raw.subject, Number(raw.limit));
        print(io, raw.json, list, () =>
          table(
            ['#', 'When', 'Who', 'Action', 'Subject', 'Details'],
            list.map((e) => [e.id, e.at, e.user, e.action, e.subject, e.details]),
          ),
        );
      });
    });

  program
    .command('backup')
    .description("Copy the history to a file with SQLite's online backup")
    .requiredOption('--to <file>', 'backup file to write')
    .option('--json', 'print as JSON')
    .action(async (raw: { to: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, async (s) => {
        await s.backup(raw.to);
        print(io, raw.json, { backup: raw.to }, () => `Backed up the history to ${raw.to}.\n`);
      });
    });
}
