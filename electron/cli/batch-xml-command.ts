// Batches of ILR XML files (2011-12 onwards) on the command line: files added from disk are
// checked as they are kept, and a refusal for errors shows the file's first errors; `batch check`
// names the earlier submitted files a batch leaves out (exit 1 unless an override covers them);
// `batch override` sends it without them, for a reason.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Batch, XmlBatchCheck } from '../../shared/history/types';
import type { FileSource } from '../../shared/ipc/source';
import type { Operations } from '../operations';
import { print, positiveInt, table } from './session';
import { RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';
import { OperationFailed, perform, run } from './door';
import type { FlagNames } from './door';
import { fileInput } from './file-source';

/** The flags of the batch commands, by the contract's input fields. */
export const BATCH_FLAGS: FlagNames = {
  upin: '--provider',
  planId: '--plan',
  batchId: '--batch',
  names: 'NAME',
  files: 'FILE',
};

/** As many as the refusal shows; `returndesk validate` shows them all. */
const ERRORS_SHOWN = 5;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

interface Chosen {
  path: string;
  file: { fileName: string; source: FileSource };
}

/** A bare name not on disk is a file in the history; a path must name a readable file. */
async function onDisk(arg: string): Promise<boolean> {
  return stat(arg).then(
    (s) => s.isFile(),
    (e: unknown) => {
      if (/[/\\]/.test(arg)) throw new UsageError(describeFileError(arg, e));
      return false;
    },
  );
}

/** Arguments naming files on disk are checked and kept; the others name XML files in the history. */
export async function addXmlFiles(
  ops: Operations,
  batchId: number,
  args: string[],
): Promise<Batch> {
  const names: string[] = [];
  const chosen: Chosen[] = [];
  for (const arg of args) {
    if (await onDisk(arg)) chosen.push({ path: arg, file: await fileInput(arg) });
    else names.push(arg);
  }
  const files = chosen.map((c) => c.file);
  try {
    return await run(ops, 'batches.add', { batchId, names, files }, BATCH_FLAGS);
  } catch (e) {
    // A file with errors is refused as it is kept; its check names the errors (exit 1).
    if (e instanceof OperationFailed && e.error.code === 'INVALID_INPUT')
      for (const c of chosen) await refuseWithErrors(ops, c);
    throw e;
  }
}

async function refuseWithErrors(ops: Operations, { path, file }: Chosen): Promise<void> {
  const report = await run(ops, 'xmlFiles.check', file, { fileName: path, source: path });
  if (report.valid) return;
  throw new RefusedError(
    `${file.fileName} has ${plural(report.errors, 'error')}, so it cannot go into a batch (run 'returndesk validate ${path}' for the full report):`,
    report.findings
      .filter((f) => f.severity === 'error')
      .slice(0, ERRORS_SHOWN)
      .map((f) => `${f.rule}${f.line !== null ? ` (line ${f.line})` : ''}: ${f.message}`),
  );
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
  const flags = BATCH_FLAGS;
  batch
    .command('check')
    .description(
      'Check that an XML batch re-sends every earlier submitted file (exit 1 naming those missing, unless overridden)',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--json', 'print as JSON')
    .action(async (o: { batch: number; json?: boolean }, cmd: Command) => {
      const c = await perform(cmd, io, 'batches.check', { batchId: o.batch }, flags);
      print(io, o.json, c, () =>
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
  batch
    .command('override')
    .description(
      'Send an XML batch without earlier submitted files it leaves out; the reason goes into the audit trail',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .requiredOption('--reason <text>', 'why the earlier files are left out')
    .option('--json', 'print the batch as JSON')
    .action(async (o: { batch: number; reason: string; json?: boolean }, cmd: Command) => {
      const input = { batchId: o.batch, reason: o.reason };
      const b = await perform(cmd, io, 'batches.override', input, flags);
      print(
        io,
        o.json,
        b,
        () =>
          `Batch ${b.id} may be sent without ${b.xml?.override?.missing.join(', ') ?? ''}. Recorded in the audit trail: ${b.xml?.override?.reason ?? ''}\n`,
      );
    });
}
