import type { Command } from 'commander';
import type { Batch } from '../../shared/history/types';
import { print, table, withOperations, positiveInt } from './session';
import type { Io } from './output';
import { perform, run } from './door';
import {
  BATCH_FLAGS,
  addXmlFiles,
  registerXmlBatchCommands,
  showXmlBatch,
} from './batch-xml-command';
import { registerBatchOutcomeCommands } from './batch-outcome-command';

interface CreateFlags {
  provider: string;
  year: string;
  plan: number;
  destination?: string;
  json?: boolean;
}

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
  const flags = BATCH_FLAGS;

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
    .action(async (o: CreateFlags, cmd: Command) => {
      const input = { upin: o.provider, year: o.year, planId: o.plan, destination: o.destination };
      const b = await perform(cmd, io, 'batches.create', input, flags);
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

  batch
    .command('add')
    .description(
      'Add final files to a batch (a signed-off batch must be signed off again); from 2011-12, ILR XML files from disk (checked first) or by name from the history',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .argument('<names...>', 'file names (XML batches: FILE.xml paths too)')
    .option('--json', 'print the batch as JSON')
    .action(async (names: string[], o: { batch: number; json?: boolean }, cmd: Command) => {
      const b = await withOperations(cmd, io, async (ops) => {
        const target = await run(ops, 'batches.get', { batchId: o.batch }, flags);
        // Only an XML batch takes files from disk; in a batch of .amd files every argument is a name.
        return target.xml
          ? addXmlFiles(ops, o.batch, names)
          : run(ops, 'batches.add', { batchId: o.batch, names }, flags);
      });
      print(io, o.json, b, () => showBatch(b));
    });

  batch
    .command('remove')
    .description(
      'Take files out of a batch not yet sent (a signed-off batch must be signed off again)',
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .argument('<names...>', 'file names')
    .option('--json', 'print the batch as JSON')
    .action(async (names: string[], o: { batch: number; json?: boolean }, cmd: Command) => {
      const b = await withOperations(cmd, io, async (ops) => {
        let after = await run(ops, 'batches.get', { batchId: o.batch }, flags);
        for (const name of names)
          after = await run(ops, 'batches.remove', { batchId: o.batch, name }, flags);
        return after;
      });
      print(io, o.json, b, () => showBatch(b));
    });

  batch
    .command('sign-off')
    .description('Record who approved sending the batch')
    .requiredOption('--batch <id>', 'batch id', batchId)
    .requiredOption('--by <name>', 'the person signing off')
    .option('--json', 'print the batch as JSON')
    .action(async (o: { batch: number; by: string; json?: boolean }, cmd: Command) => {
      const input = { batchId: o.batch, by: o.by };
      const b = await perform(cmd, io, 'batches.signOff', input, flags);
      print(io, o.json, b, () => `Batch ${b.id} signed off by ${b.signedOffBy}.\n`);
    });

  batch
    .command('show')
    .description('Show a batch and its files')
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--json', 'print as JSON')
    .action(async (o: { batch: number; json?: boolean }, cmd: Command) => {
      const b = await perform(cmd, io, 'batches.get', { batchId: o.batch }, flags);
      print(io, o.json, b, () => showBatch(b));
    });

  batch
    .command('list')
    .description('List batches')
    .option('--provider <UPIN>', 'only this provider')
    .option('--json', 'print as JSON')
    .action(async (o: { provider?: string; json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'batches.list', { upin: o.provider }, flags);
      print(io, o.json, list, () =>
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

  registerXmlBatchCommands(batch, io);
  registerBatchOutcomeCommands(batch, io);
}
