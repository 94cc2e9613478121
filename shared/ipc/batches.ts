// Batches: files sent together, signed off first; for ILR XML, the re-submission rule.
import { z } from 'zod';
import type { Batch, XmlBatchCheck } from '../history/types';
import { fileBytes, fileName, id } from './common';
import { TEXT_LIMITS as MAX, trimmedText } from './limits';
import { ilrYearSchema as year, upinSchema as upin } from '../domain';

export const batchInputs = {
  'batches.list': z.object({ upin: upin.optional() }),
  'batches.get': z.object({ batchId: id }),
  'batches.create': z.object({
    upin,
    year,
    planId: id,
    destination: trimmedText('The destination name', MAX.name).min(1).optional(),
  }),
  // Files in the history by name; for an XML batch (2011-12 onwards) also files chosen from disk,
  // each checked and kept first: all are added, or none.
  'batches.add': z
    .object({ batchId: id, names: z.array(fileName), files: z.array(fileBytes).optional() })
    .refine((i) => i.names.length + (i.files?.length ?? 0) > 0, {
      message: 'Name at least one file to add.',
      path: ['names'],
    }),
  'batches.remove': z.object({ batchId: id, name: fileName }),
  'batches.signOff': z.object({
    batchId: id,
    by: trimmedText('The name of the person signing off', MAX.name).min(
      1,
      'Enter the name of the person signing off.',
    ),
  }),
  'batches.check': z.object({ batchId: id }),
  'batches.override': z.object({
    batchId: id,
    reason: z
      .string()
      .trim()
      .min(1, 'Say why the earlier files are left out.')
      .max(MAX.reason, 'Keep the reason under 2,000 characters.'),
  }),
} as const;

export interface BatchOutputs {
  'batches.list': Batch[];
  'batches.get': Batch;
  'batches.create': Batch;
  'batches.add': Batch;
  'batches.remove': Batch;
  'batches.signOff': Batch;
  'batches.check': XmlBatchCheck;
  'batches.override': Batch;
}

export const batchMutations = {
  'batches.create': ['batches'],
  'batches.add': ['batches', 'files'],
  'batches.remove': ['batches', 'files'],
  'batches.signOff': ['batches'],
  'batches.override': ['batches'],
} as const;
