// After HEFCE accepts a batch: `batch outputs` (HEFCE's updated outputs are available), then
// `batch impact --confirmed` or `--not-as-expected` (which makes a revised action plan), and
// `batch outcome` to see where a batch is in that loop.
import type { Command } from 'commander';
import type { BatchOutcomeView } from '../../shared/ipc/loop';
import { dayMonthYear } from '../../shared/history/plan-wording';
import { print, positiveInt } from './session';
import { UsageError } from './output';
import type { Io } from './output';
import { perform } from './door';
import { BATCH_FLAGS } from './batch-xml-command';

const FLAGS = { ...BATCH_FLAGS, by: '--by', differed: '--not-as-expected', date: '--date' };

/** One line saying where the batch is in the loop and what comes next. */
export function describeOutcome(o: BatchOutcomeView): string {
  const b = `Batch ${o.batchId} (${o.upin} ${o.year}, plan ${o.planId})`;
  switch (o.state) {
    case 'not-accepted':
      return `${b} has not been accepted yet.\n`;
    case 'awaiting-outputs':
      return `${b} was accepted on ${dayMonthYear(o.acceptedOn ?? '')}; waiting for HEFCE's updated outputs (record them with batch outputs).\n`;
    case 'awaiting-confirmation':
      return `${b}: HEFCE's updated outputs available since ${dayMonthYear(o.outputs?.date ?? '')}; confirm the impact or say what was not as expected (batch impact).\n`;
    case 'impact-confirmed':
      return `${b}: impact confirmed by ${o.confirmed?.by ?? ''} on ${dayMonthYear(o.confirmed?.date ?? '')}.\n`;
    case 'not-as-expected':
      return `${b}: not as expected on ${dayMonthYear(o.notAsExpected?.date ?? '')} (${o.notAsExpected?.differed ?? ''}). Plan ${o.notAsExpected?.revisedPlanId ?? ''} is the revised action plan, a draft with the rows carried over: change its rows, then submit it.\n`;
  }
}

export function registerBatchOutcomeCommands(batch: Command, io: Io): void {
  const batchId = positiveInt('--batch');
  batch
    .command('outputs')
    .description("Record that HEFCE's updated outputs are available after an accepted batch")
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--date <date>', 'the day they were available, YYYY-MM-DD (default: today)')
    .option('--json', 'print where the batch is in the loop as JSON')
    .action(async (o: { batch: number; date?: string; json?: boolean }, cmd: Command) => {
      const input = { batchId: o.batch, date: o.date };
      const r = await perform(cmd, io, 'batches.recordOutputs', input, FLAGS);
      print(io, o.json, r, () => describeOutcome(r));
    });
  batch
    .command('impact')
    .description(
      "Record whether the amendments had the impact expected in HEFCE's outputs; not as expected makes a revised action plan",
    )
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--confirmed', 'the impact was as expected (give --by)')
    .option('--by <name>', 'who confirmed it')
    .option('--not-as-expected <text>', 'what differed from what was expected')
    .option('--date <date>', 'the day, YYYY-MM-DD (default: today)')
    .option('--json', 'print where the batch is in the loop as JSON')
    .action(
      async (
        o: {
          batch: number;
          confirmed?: boolean;
          by?: string;
          notAsExpected?: string;
          date?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if (Boolean(o.confirmed) === (o.notAsExpected !== undefined))
          throw new UsageError(
            'Give either --confirmed (with --by NAME) or --not-as-expected TEXT.',
          );
        const input = o.confirmed
          ? {
              batchId: o.batch,
              outcome: 'confirmed' as const,
              by: o.by ?? '',
              date: o.date,
            }
          : {
              batchId: o.batch,
              outcome: 'not-as-expected' as const,
              differed: o.notAsExpected ?? '',
              date: o.date,
            };
        const r = await perform(cmd, io, 'batches.recordImpact', input, FLAGS);
        print(io, o.json, r, () => describeOutcome(r));
      },
    );
  batch
    .command('outcome')
    .description('Show where an accepted batch is in the loop: outputs, impact confirmed or not')
    .requiredOption('--batch <id>', 'batch id', batchId)
    .option('--json', 'print as JSON')
    .action(async (o: { batch: number; json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'batches.outcome', { batchId: o.batch }, FLAGS);
      print(io, o.json, r, () => describeOutcome(r));
    });
}
