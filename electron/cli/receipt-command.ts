// `returndesk receipt --upload ID | --batch ID`: the one-page receipt an auditor asks for, as text
// (or --json); and `returndesk officer`: the data officer's name that receipts give as the sender.
import type { Command } from 'commander';
import { positiveInt, print } from './session';
import { UsageError } from './output';
import type { Io } from './output';
import { perform } from './door';
import type { DataOfficer, PrintableReceipt } from '../../shared/ipc/receipt';

const sender = (name: string, isPerson: boolean) =>
  isPerson ? name : `${name} (the computer's account: no data officer's name is set)`;

export function receiptText(r: PrintableReceipt): string {
  const lines = [r.title, ''];
  const row = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(14)}${value}`);
  if (r.provider) row('Provider', r.year ? `${r.provider}, ${r.year}` : r.provider);
  row('Destination', `${r.destination}, ${r.area}`);
  row('Started', r.startedAt);
  row('Received', r.receivedAt ?? 'not yet in full');
  row('Sent by', sender(r.sentBy, r.sentByIsPerson));
  row(
    'Signed off',
    r.signedOff ? `${r.signedOff.by}, ${r.signedOff.at}` : 'no sign-off (not a batch)',
  );
  row('Verification', r.verification);
  row(
    'Audit head',
    r.auditHead ? `entry ${r.auditHead.entry}, ${r.auditHead.seal}` : 'none recorded',
  );
  lines.push('', `Files (${r.files.length}, ${r.totalBytes} bytes):`);
  for (const f of r.files) {
    lines.push(`  ${f.name}  ${f.bytes} bytes  server upload id ${f.uploadId ?? 'none yet'}`);
    lines.push(`    SHA-256 ${f.sha256}`);
    if (f.serverSha256 && f.serverSha256 !== f.sha256)
      lines.push(`    SHA-256 of what the server received ${f.serverSha256}`);
    lines.push(`    ${f.outcome}`);
  }
  return `${lines.join('\n')}\n`;
}

const officerText = (o: DataOfficer) =>
  o.name
    ? `Receipts name ${o.name} as the sender.\n`
    : `No data officer's name is set: receipts name the computer's account, ${o.account}, and say so.\n`;

export function registerReceipt(program: Command, io: Io): void {
  program
    .command('receipt')
    .description('Print the receipt of one upload or one batch (files, SHA-256, who, verdict)')
    .option('--upload <id>', 'the upload (its `id` in `status --json`)', positiveInt('--upload'))
    .option('--batch <id>', 'the batch', positiveInt('--batch'))
    .option('--json', 'print as JSON')
    .action(async (o: { upload?: number; batch?: number; json?: boolean }, cmd: Command) => {
      if ((o.upload === undefined) === (o.batch === undefined))
        throw new UsageError('Give one of --upload ID or --batch ID.');
      const r = await perform(cmd, io, 'receipts.get', { uploadId: o.upload, batchId: o.batch });
      print(io, o.json, r, () => receiptText(r));
    });

  const officer = program
    .command('officer')
    .description("The data officer's name that receipts give as the sender");
  officer
    .command('show')
    .description("Show the data officer's name")
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'dataOfficer.get', undefined);
      print(io, o.json, r, () => officerText(r));
    });
  officer
    .command('set')
    .description("Set the data officer's name")
    .requiredOption('--name <name>', 'the person who sends files')
    .option('--json', 'print as JSON')
    .action(async (o: { name: string; json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'dataOfficer.set', { name: o.name });
      print(io, o.json, r, () => officerText(r));
    });
}
