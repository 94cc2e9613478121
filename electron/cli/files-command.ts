import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { print, table, withStore } from './session';
import { parseOptions } from './parse';
import { writeOnce } from './write-once';
import { sha256Of } from '../store/files';
import type { Io } from './output';
import { decodeBytes } from '../files/text';
import { isXmlFileName } from '../store/xml-files';
import type { StoredXmlFile } from '../../shared/history/types';

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

const XmlStatus = z.enum(['final', 'submitted', 'accepted', 'rejected', 'withdrawn'], {
  message: '--status must be final, submitted, accepted, rejected or withdrawn for XML files',
});

const Status = z.enum(['draft', 'final', 'submitted', 'accepted', 'rejected', 'discarded'], {
  message: '--status must be draft, final, submitted, accepted, rejected or discarded',
});

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
        raw: { status?: string; provider?: string; xml?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        if (raw.xml) {
          const status = raw.status === undefined ? undefined : parseOptions(XmlStatus, raw.status);
          await withStore(cmd, io, (s) => {
            const list = s.xmlFiles.list({ status, upin: raw.provider });
            print(io, raw.json, list, () => xmlTable(list));
          });
          return;
        }
        const status = raw.status === undefined ? undefined : parseOptions(Status, raw.status);
        await withStore(cmd, io, (s) => {
          const list = s.files.list({ status, upin: raw.provider });
          print(io, raw.json, list, () =>
            list.length
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
              : 'No amendment files yet.\n',
          );
        });
      },
    );

  files
    .command('show')
    .description('Show a file: its history record and its header')
    .argument('<name>', 'file name, e.g. chg105432A01.amd or ILR-A-10007928-1112-0013-01.XML')
    .option('--json', 'print as JSON')
    .action(async (name: string, raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        if (isXmlFileName(name)) {
          const x = s.xmlFiles.get(name);
          const batches = s.batches.xml.batchIdsOf(x.id);
          print(
            io,
            raw.json,
            { ...x, batches },
            () =>
              `${x.name}: ${x.status}${x.withdrawnReason ? ` (${x.withdrawnReason})` : ''}, '${x.transmissionType}' file, ${x.learners} learners, ${x.deliveries} learning deliveries, prepared ${x.preparedOn ?? '-'}\n` +
              `  Provider ${x.upin} (UKPRN ${x.ukprn}), ${x.year}${batches.length ? `, in batch ${batches.join(', ')}` : ''}\n  SHA-256 ${x.sha256}, ${x.bytes} bytes\n  Kept ${x.createdAt}; status since ${x.statusChangedAt}\n`,
          );
          return;
        }
        const f = s.files.get(name);
        const content = s.files.content(f.sha256);
        const header = decodeBytes(content).text.split('\r\n').slice(0, 12);
        print(
          io,
          raw.json,
          { ...f, header },
          () =>
            `${f.name}: ${f.status}, NN ${f.seq ?? '-'}, ${f.records} records, checksum ${f.checksumField} = ${f.checksum}\n` +
            `  Provider ${f.upin}, ${f.year}${f.planId ? `, plan ${f.planId} row ${f.planRef}` : ''}\n  SHA-256 ${f.sha256}\n  Finalised ${f.createdAt}; status since ${f.statusChangedAt}\n` +
            header.map((l, i) => `  ${String(i + 1).padStart(2)}| ${l}\n`).join(''),
        );
      });
    });

  files
    .command('export')
    .description('Write a copy of a stored file into a folder')
    .argument('<name>', 'file name')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--json', 'print as JSON')
    .action(async (name: string, raw: { out: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, async (s) => {
        const f = s.files.get(name);
        const bytes = s.files.content(f.sha256);
        const path = join(raw.out, f.name);
        await writeOnce(path, bytes, sha256Of(bytes));
        print(
          io,
          raw.json,
          { name: f.name, path, sha256: f.sha256 },
          () => `Wrote ${path} (SHA-256 ${f.sha256}).\n`,
        );
      });
    });

  files
    .command('discard')
    .description('Discard a draft or final file that was never submitted')
    .argument('<name>', 'file name')
    .option('--json', 'print as JSON')
    .action(async (name: string, raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const r = s.files.discard(name);
        print(
          io,
          raw.json,
          r,
          () =>
            `Discarded ${name}. ${r.released ? `Its NN ${String(r.file.seq).padStart(2, '0')} is free again.` : 'Its NN stays used (a later file exists, or another file of its set is still live).'}\n`,
        );
      });
    });

  files
    .command('mark')
    .description('Record that a file was submitted, accepted or rejected outside ReturnDesk')
    .argument('<name>', 'file name')
    .requiredOption('--status <status>', 'submitted, accepted or rejected')
    .option('--note <text>', 'a note for the history')
    .option('--json', 'print as JSON')
    .action(
      async (
        name: string,
        raw: { status: string; note?: string; json?: boolean },
        cmd: Command,
      ) => {
        const to = parseOptions(
          z.enum(['submitted', 'accepted', 'rejected'], {
            message: '--status must be submitted, accepted or rejected',
          }),
          raw.status,
        );
        await withStore(cmd, io, (s) => {
          const f = isXmlFileName(name)
            ? s.xmlFiles.mark(name, to, raw.note)
            : s.files.mark(name, to, raw.note);
          print(io, raw.json, f, () => `${f.name} is now ${f.status}.\n`);
        });
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
    .action(async (name: string, raw: { reason: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const r = s.batches.xml.withdraw(name, raw.reason);
        print(
          io,
          raw.json,
          r,
          () =>
            `Withdrew ${name}: later batches no longer need to re-send it.${r.removedFrom.length ? ` It was taken out of batch ${r.removedFrom.join(', ')} (not yet sent).` : ''}\n`,
        );
      });
    });
}
