// Batches of ILR XML files (2011-12 onwards) on the command line: files added from disk are
// checked offline first; `batch check` names the earlier submitted files a batch leaves out (exit 1
// unless an override covers them); `batch override` sends it without them, for a reason.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Batch, XmlBatchCheck } from '../../shared/history/types';
import { calendarDateIn } from '../../shared/dates';
import type { Store } from '../store';
import type { CheckedXmlFile } from '../store';
import { takeXmlFile } from '../store/xml-intake';
import { print, positiveInt, table, withStore } from './session';
import { RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Arguments naming files on disk are checked and kept; the others name XML files in the history. */
export async function addXmlFiles(store: Store, batchId: number, args: string[]): Promise<Batch> {
  const checked: CheckedXmlFile[] = [];
  const names: string[] = [];
  const today = calendarDateIn(new Date());
  for (const arg of args) {
    const onDisk = await stat(arg).then(
      (s) => s.isFile(),
      (e: unknown) => {
        // A bare name that is not on disk is a file in the history; a path must be readable.
        if (/[/\\]/.test(arg)) throw new UsageError(describeFileError(arg, e));
        return false;
      },
    );
    if (!onDisk) {
      names.push(arg);
      continue;
    }
    const { checked: c, report } = await takeXmlFile(store, arg, basename(arg), today);
    if (!report.valid)
      throw new RefusedError(
        `${basename(arg)} has ${plural(report.errors, 'error')}, so it cannot go into a batch (run 'returndesk validate ${arg}' for the full report):`,
        c.facts.problems,
      );
    checked.push(c);
  }
  return store.batches.xml.addChecked(batchId, checked, names);
}

export function showXmlBatch(b: Batch): string {
  const x = b.xml;
  if (!x) return '';
  const out: string[] = [];
  out.push(
    x.files.length === 0
      ? '  No files yet.\n'
      : table(
          ['#', 'File', 'Type', 'Learners', 'Status', 'Carried over', 'SHA-256'],
          x.files.map((f) => [
            f.position,
            f.name,
            f.transmissionType,
            f.learners,
            f.status,
            f.carriedOver ? (f.fromBatchId ? `from batch ${f.fromBatchId}` : 'yes') : '',
            f.sha256.slice(0, 16),
          ]),
        ),
  );
  out.push(describeMissing(x));
  return out.join('');
}

function describeMissing(c: Pick<XmlBatchCheck, 'missing' | 'override' | 'complete'>): string {
  if (c.complete)
    return 'Every earlier submitted file of this provider and year is in the batch.\n';
  const lines = [
    `Leaves out ${plural(c.missing.length, 'earlier submitted file')} (HEFCE incorporates earlier files only when all are sent again in one batch):`,
    ...c.missing.map(
      (m) =>
        `  ${m.name} - ${m.status}${m.fromBatchId ? `, sent in batch ${m.fromBatchId}` : ''}${c.override?.missing.includes(m.name) ? ' (overridden)' : ''}`,
    ),
  ];
  if (c.override)
    lines.push(`Override by ${c.override.by} at ${c.override.at}: ${c.override.reason}`);
  return lines.join('\n') + '\n';
}

export function registerXmlBatchCommands(batch: Command, io: Io): void {
  const batchId = positiveInt('--batch');
  batch
    .command('check')
    .description(
      'Check that an XML batch re-sends every earlier submitted file (exit 1 naming those missing, unless overridden)',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--json', 'print as JSON')
    .action(async (raw: { batch: number; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const c = s.batches.xml.check(raw.batch);
        print(io, raw.json, c, () =>
          c.applies
            ? `Batch ${c.batchId}: ${c.upin} ${c.year}. ${describeMissing(c)}`
            : `Batch ${c.batchId} holds ${c.year} .amd files; the rule to re-send earlier files applies to XML batches (2011-12 onwards).\n`,
        );
        if (!c.uploadable) {
          const left = c.missing.filter((m) => !c.override?.missing.includes(m.name));
          throw new RefusedError(
            `Batch ${c.batchId} is incomplete: it leaves out ${left.map((m) => m.name).join(', ')}.`,
          );
        }
      });
    });
  batch
    .command('override')
    .description(
      'Send an XML batch without earlier submitted files it leaves out; the reason goes into the audit trail',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .requiredOption('--reason <text>', 'why the earlier files are left out')
    .option('--json', 'print the batch as JSON')
    .action(async (raw: { batch: number; reason: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const b = s.batches.xml.override(raw.batch, raw.reason);
        print(
          io,
          raw.json,
          b,
          () =>
            `Batch ${b.id} may be sent without ${b.xml?.override?.missing.join(', ') ?? ''}. Recorded in the audit trail: ${b.xml?.override?.reason ?? ''}\n`,
        );
      });
    });
}
