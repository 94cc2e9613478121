import type { Command } from 'commander';
import { z } from 'zod';
import type { Batch } from '../../shared/history/types';
import { isIlrYear, isUpin } from '../../shared/domain';
import { print, table, withStore, positiveInt } from './session';
import { parseOptions } from './parse';
import type { Io } from './output';
import { addXmlFiles, registerXmlBatchCommands, showXmlBatch } from './batch-xml-command';

const CreateOptions = z.object({
  provider: z
    .string()
    .refine(isUpin, '--provider must be the six-digit UPIN, leading zeros included'),
  year: z.string().refine(isIlrYear, '--year must be written like 2010-11'),
  plan: z.number(),
  destination: z.string().trim().min(1).optional(),
  json: z.boolean().optional(),
});

function showBatch(b: Batch): string {
  const head =
    `Batch ${b.id}: provider ${b.upin}, ${b.year}, plan ${b.planId}, to '${b.destination}' - ${b.status.replace('_', ' ')}` +
    (b.signedOffBy ? `\n  Signed off by ${b.signedOffBy} at ${b.signedOffAt}` : '') +
    '\n';
  if (b.xml) return head + showXmlBatch(b);
  if (b.files.length === 0) return `${head}  No files yet.\n`;
  return (
    head +
    table(
      ['#', 'File', 'Status', 'Re-sent from', 'SHA-256'],
      b.files.map((f) => [
        f.position,
        f.name,
        f.status,
        f.fromBatchId ? `batch ${f.fromBatchId}` : '',
        f.sha256.slice(0, 16),
      ]),
    )
  );
}

export function registerBatch(program: Command, io: Io): void {
  const batch = program.command('batch').description('Batches of amendment files sent together');
  const batchId = positiveInt('--batch');

  batch
    .command('create')
    .description('Create a draft batch linked to an approved action plan')
    .requiredOption('--provider <UPIN>', 'provider UPIN')
    .requiredOption('--year <year>', 'ILR year, e.g. 2010-11')
    .requiredOption('--plan <id>', 'the approved action plan', positiveInt('--plan'))
    .option(
      '--destination <area>',
      "upload area (default: 'FAMD General upload area (GUA)'; from 2011-12 'ILR amendment upload area')",
    )
    .option('--json', 'print the created batch as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(CreateOptions, raw);
      await withStore(cmd, io, (s) => {
        const b = s.batches.create({
          upin: o.provider,
          year: o.year,
          planId: o.plan,
          destination: o.destination,
        });
        const carried = b.xml?.files ?? [];
        print(
          io,
          o.json,
          b,
          () =>
            `Created draft batch ${b.id} for ${b.upin} ${b.year} (plan ${b.planId}).\n` +
            (carried.length
              ? `It re-sends ${carried.length} earlier submitted file(s), as HEFCE requires:\n${carried.map((f) => `  ${f.name}${f.fromBatchId ? ` (from batch ${f.fromBatchId})` : ''}\n`).join('')}`
              : ''),
        );
      });
    });

  batch
    .command('add')
    .description(
      'Add final files to a batch (a signed-off batch must be signed off again); from 2011-12, ILR XML files from disk (checked first) or by name from the history',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .argument('<names...>', 'file names (XML batches: FILE.xml paths too)')
    .option('--json', 'print the batch as JSON')
    .action(async (names: string[], raw: { batch: number; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, async (s) => {
        const b = s.batches.get(raw.batch).xml
          ? await addXmlFiles(s, raw.batch, names)
          : s.batches.add(raw.batch, names);
        print(io, raw.json, b, () => showBatch(b));
      });
    });

  batch
    .command('remove')
    .description(
      'Take files out of a batch not yet sent (a signed-off batch must be signed off again)',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .argument('<names...>', 'file names')
    .option('--json', 'print the batch as JSON')
    .action(async (names: string[], raw: { batch: number; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        let b = s.batches.get(raw.batch);
        for (const name of names) b = s.batches.remove(raw.batch, name);
        print(io, raw.json, b, () => showBatch(b));
      });
    });

  batch
    .command('sign-off')
    .description('Record who approved sending the batch')
    .requiredOption('--batch <id>', 'batch id', batchId)
    .requiredOption('--by <name>', 'the person signing off')
    .option('--json', 'print the batch as JSON')
    .action(async (raw: { batch: number; by: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const b = s.batches.signOff(raw.batch, raw.by);
        print(io, raw.json, b, () => `Batch ${b.id} signed off by ${b.signedOffBy}.\n`);
      });
    });

  batch
    .command('show')
    .description('Show a batch and its files')
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--json', 'print as JSON')
    .action(async (raw: { batch: number; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const b = s.batches.get(raw.batch);
        print(io, raw.json, b, () => showBatch(b));
      });
    });

  batch
    .command('list')
    .description('List batches')
    .option('--provider <UPIN>', 'only this provider')
    .option('--json', 'print as JSON')
    .action(async (raw: { provider?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const list = s.batches.list({ upin: raw.provider });
        print(io, raw.json, list, () =>
          list.length
            ? table(
                ['Batch', 'Provider', 'Year', 'Plan', 'Status', 'Files', 'Signed off by'],
                list.map((b) => [
                  b.id,
                  b.upin,
                  b.year,
                  b.planId,
                  b.status,
                  b.files.length + (b.xml?.files.length ?? 0),
                  b.signedOffBy,
                ]),
              )
            : 'No batches yet.\n',
        );
      });
    });

  registerXmlBatchCommands(batch, io);
}
