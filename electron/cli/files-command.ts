// `returndesk files`: the amendment files and ILR XML files in the history, a door onto the files
// operations. An XML file is told from an .amd file by its name (ILR-….xml).
import { join } from 'node:path';
import type { Command } from 'commander';
import type { StoredAmendmentFile, StoredXmlFile } from '../../shared/history/types';
import { isXmlFileName } from '../../shared/ilr-xml/names';
import type { Io } from './output';
import { perform } from './door';
import { print, table } from './session';
import { writeOnce } from './write-once';

const flags = { upin: '--provider' };

function amdTable(list: StoredAmendmentFile[]): string {
  return list.length
    ? table(
        ['Name', 'NN', 'Status', 'Plan row', 'Records', 'Checksum', 'SHA-256'],
        list.map((f) => [
          f.name,
          f.seq === null ? '' : String(f.seq).padStart(2, '0'),
          f.status,
          f.planId ? `${f.planId}:${f.planRef}` : '',
          f.records,
          `${f.checksumField}=${f.checksum}`,
          f.sha256.slice(0, 16),
        ]),
      )
    : 'No amendment files yet.\n';
}

function xmlTable(list: StoredXmlFile[]): string {
  return list.length
    ? table(
        ['Name', 'Provider', 'Year', 'Type', 'Learners', 'Deliveries', 'Status', 'SHA-256'],
        list.map((f) => [
          f.name,
          f.upin,
          f.year,
          f.transmissionType,
          f.learners,
          f.deliveries,
          f.status + (f.withdrawnReason ? ` (${f.withdrawnReason})` : ''),
          f.sha256.slice(0, 16),
        ]),
      )
    : 'No XML files yet.\n';
}

function showXml(x: StoredXmlFile, batches: number[]): string {
  return (
    `${x.name}: ${x.status}${x.withdrawnReason ? ` (${x.withdrawnReason})` : ''}, '${x.transmissionType}' file, ${x.learners} learners, ${x.deliveries} learning deliveries, prepared ${x.preparedOn ?? '-'}\n` +
    `  Provider ${x.upin} (UKPRN ${x.ukprn}), ${x.year}${batches.length ? `, in batch ${batches.join(', ')}` : ''}\n  SHA-256 ${x.sha256}, ${x.bytes} bytes\n  Kept ${x.createdAt}; status since ${x.statusChangedAt}\n`
  );
}

function showAmd(f: StoredAmendmentFile, header: string[]): string {
  const from = f.computedFrom;
  return (
    `${f.name}: ${f.status}, NN ${f.seq ?? '-'}, ${f.records} records, checksum ${f.checksumField} = ${f.checksum}\n` +
    `  Provider ${f.upin}, ${f.year}${f.planId ? `, plan ${f.planId} row ${f.planRef}` : ''}\n  SHA-256 ${f.sha256}\n  Finalised ${f.createdAt}; status since ${f.statusChangedAt}\n` +
    (from
      ? `  Computed from ${from.returned.name} (as returned, SHA-256 ${from.returned.sha256})\n  and ${from.corrected.name} (as corrected, SHA-256 ${from.corrected.sha256})\n`
      : '') +
    header.map((l, i) => `  ${String(i + 1).padStart(2)}| ${l}\n`).join('')
  );
}

export function registerFiles(program: Command, io: Io): void {
  const files = program.command('files').description('Amendment files in the history');

  files
    .command('list')
    .description('List amendment files')
    .option('--status <status>', 'only files with this status')
    .option('--provider <UPIN>', 'only this provider')
    .option('--xml', 'list the ILR XML files (2011-12 onwards) instead')
    .option('--json', 'print as JSON')
    .action(
      async (
        o: { status?: string; provider?: string; xml?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        // The statuses are checked against the contract's before anything runs.
        const input = { status: o.status as 'final', upin: o.provider };
        if (o.xml) {
          const list = await perform(cmd, io, 'xmlFiles.list', input, flags);
          print(io, o.json, list, () => xmlTable(list));
          return;
        }
        const list = await perform(cmd, io, 'files.list', input, flags);
        print(io, o.json, list, () => amdTable(list));
      },
    );

  files
    .command('show')
    .description('Show a file: its history record and its header')
    .argument('<name>', 'file name, e.g. chg105432A01.amd or ILR-A-10007928-1112-0013-01.XML')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { json?: boolean }, cmd: Command) => {
      if (isXmlFileName(name)) {
        const { file, batchIds } = await perform(cmd, io, 'xmlFiles.get', { name });
        print(io, o.json, { ...file, batches: batchIds }, () => showXml(file, batchIds));
        return;
      }
      const { file, text } = await perform(cmd, io, 'files.get', { name });
      const header = text.split('\r\n').slice(0, 12);
      print(io, o.json, { ...file, header }, () => showAmd(file, header));
    });

  files
    .command('export')
    .description('Write a copy of a stored file into a folder')
    .argument('<name>', 'file name')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { out: string; json?: boolean }, cmd: Command) => {
      const f = await perform(cmd, io, 'files.content', { name });
      const path = join(o.out, f.fileName);
      await writeOnce(path, Buffer.from(f.base64, 'base64'), f.sha256);
      print(
        io,
        o.json,
        { name: f.fileName, path, sha256: f.sha256 },
        () => `Wrote ${path} (SHA-256 ${f.sha256}).\n`,
      );
    });

  files
    .command('discard')
    .description('Discard a draft or final file that was never submitted')
    .argument('<name>', 'file name')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'files.discard', { name });
      print(
        io,
        o.json,
        r,
        () =>
          `Discarded ${name}. ${r.released ? `Its NN ${String(r.file.seq).padStart(2, '0')} is free again.` : 'Its NN stays used (a later file exists, or another file of its set is still live).'}\n`,
      );
    });

  files
    .command('mark')
    .description('Record that a file was submitted, accepted or rejected outside ReturnDesk')
    .argument('<name>', 'file name')
    .requiredOption('--status <status>', 'submitted, accepted or rejected')
    .option('--note <text>', 'a note for the history')
    .option('--json', 'print as JSON')
    .action(
      async (name: string, o: { status: string; note?: string; json?: boolean }, cmd: Command) => {
        // Checked against the contract's submitted, accepted or rejected before anything runs.
        const input = { name, status: o.status as 'submitted', note: o.note };
        const f = isXmlFileName(name)
          ? await perform(cmd, io, 'xmlFiles.mark', input)
          : await perform(cmd, io, 'files.mark', input);
        print(io, o.json, f, () => `${f.name} is now ${f.status}.\n`);
      },
    );

  files
    .command('withdraw')
    .description(
      'Withdraw an ILR XML file: later batches no longer need to re-send it (the reason is audited)',
    )
    .argument('<name>', 'file name, e.g. ILR-A-10007928-1112-0013-01.XML')
    .requiredOption('--reason <text>', 'why the file no longer counts')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { reason: string; json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'xmlFiles.withdraw', { name, reason: o.reason });
      print(
        io,
        o.json,
        r,
        () =>
          `Withdrew ${name}: later batches no longer need to re-send it.${r.removedFrom.length ? ` It was taken out of batch ${r.removedFrom.join(', ')} (not yet sent).` : ''}\n`,
      );
    });
}
