import type { Command } from 'commander';
import { basename } from 'node:path';
import { print, table, wholeNumber } from './session';
import { EXIT, UsageError } from './output';
import type { Io } from './output';
import { perform } from './door';
import { auditSummary } from '../../shared/history/audit-wording';

/** `12:3f…` (entry number, colon, 64 hex digits of the seal) as the upload receipts print it. */
function auditHead(v: string): { entry: number; seal: string } {
  const m = /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(v.trim());
  if (!m || Number(m[1]) < 1)
    throw new UsageError(
      `--head must be an entry number and its seal, as a receipt prints them (e.g. 12:3f2a…, 64 hexadecimal digits); got '${v}'.`,
    );
  return { entry: Number(m[1]), seal: (m[2] ?? '').toLowerCase() };
}

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  const audit = program
    .command('audit')
    .description('The audit trail: every change, hash-chained and sealed with a key');
  audit
    .command('verify')
    .description(
      'Check that no audit entry was changed or removed (exit 1 if one was); says which entries are only hash-chained, not keyed',
    )
    .option(
      '--head <entry:seal>',
      "an audit head from a receipt or the regulator's copy of an upload, which must be in the chain",
      auditHead,
    )
    .option('--json', 'print as JSON')
    .action(async (o: { head?: { entry: number; seal: string }; json?: boolean }, cmd: Command) => {
      const v = await perform(cmd, io, 'audit.verify', o.head ? { head: o.head } : undefined);
      const head = v.head;
      print(
        io,
        o.json,
        v,
        () =>
          `${auditSummary(v)}\n` +
          (head
            ? head.inChain
              ? `The audit head ${head.entry}:${head.seal} is entry ${head.entry} of this chain.\n`
              : `The audit head ${head.entry}:${head.seal} is not in this chain: entry ${head.entry} ${v.entries < head.entry ? 'does not exist' : 'has another seal'}.\n`
            : ''),
      );
      setExit(v.ok && head?.inChain !== false ? EXIT.ok : EXIT.invalid);
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
