// Closing HEFCE's loop after a batch is accepted (the guide: HEFCE produces updated outputs, the
// college confirms the amendments had the impact expected, or a revised action plan starts the
// process again).
import { z } from 'zod';
import { id } from './common';
import { isoDateSchema } from '../domain';

/** Where a batch is in the loop. Only an accepted batch enters it. */
export type BatchLoopState =
  | 'not-accepted'
  | 'awaiting-outputs'
  | 'awaiting-confirmation'
  | 'impact-confirmed'
  | 'not-as-expected';

export interface BatchOutcomeView {
  batchId: number;
  upin: string;
  year: string;
  planId: number;
  state: BatchLoopState;
  /** The day the batch was accepted (YYYY-MM-DD), once it was. */
  acceptedOn: string | null;
  outputs: { date: string; user: string; at: string } | null;
  confirmed: { date: string; by: string; user: string; at: string } | null;
  notAsExpected: {
    date: string;
    differed: string;
    revisedPlanId: number;
    user: string;
    at: string;
  } | null;
}

const who = z.string().trim().min(1, 'Say who confirmed the impact.').max(200);
const differed = z.string().trim().min(1, 'Say what differed from what was expected.').max(2000);

export const loopInputs = {
  'batches.outcome': z.object({ batchId: id }),
  'batches.recordOutputs': z.object({ batchId: id, date: isoDateSchema.optional() }),
  'batches.recordImpact': z.discriminatedUnion('outcome', [
    z.object({
      batchId: id,
      outcome: z.literal('confirmed'),
      date: isoDateSchema.optional(),
      by: who,
    }),
    z.object({
      batchId: id,
      outcome: z.literal('not-as-expected'),
      date: isoDateSchema.optional(),
      differed,
    }),
  ]),
} as const;

export interface LoopOutputs {
  'batches.outcome': BatchOutcomeView;
  'batches.recordOutputs': BatchOutcomeView;
  'batches.recordImpact': BatchOutcomeView;
}

export const loopMutations = {
  'batches.recordOutputs': ['batches'],
  'batches.recordImpact': ['batches', 'plans'],
} as const;
