// Amendment files (2010-11 and earlier) and ILR XML files (2011-12 onwards): building, finalising,
// checking, keeping and withdrawing them.
import { z } from 'zod';
import type { StoredAmendmentFile, StoredXmlFile } from '../history/types';
import type { FileReport } from '../amd/validate';
import type { Batch } from '../history/types';
import type { ReceiptView } from './views';
import { fileBytes, fileName, id } from './common';
import {
  ddMmYyyySchema,
  fieldCodeSchema as fieldCode,
  ilrYearSchema as year,
  upinSchema as upin,
} from '../domain';

export const fileInputs = {
  'files.list': z.object({
    status: z.enum(['draft', 'final', 'submitted', 'accepted', 'rejected', 'discarded']).optional(),
    upin: upin.optional(),
  }),
  'files.get': z.object({ name: fileName }),
  'files.content': z.object({ name: fileName }),
  'files.discard': z.object({ name: fileName }),
  'files.finalise': z.object({
    planId: id,
    ref: id,
    kind: z.enum(['CHANGE', 'ADD', 'DELETE']),
    dataSet: z.enum(['L', 'A', 'H']),
    additionType: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    description: z.string().trim().min(1).optional(),
    notes: z.array(z.string()).max(2).optional(),
    createdOn: ddMmYyyySchema.optional(),
    fields: z.array(fieldCode).min(1),
    uniqueFields: z.array(fieldCode),
    changedFields: z.array(fieldCode),
    checksumField: fieldCode,
    records: z.array(z.array(z.string())).min(1, 'There are no records to write.'),
  }),
  // ILR XML files (2011-12 onwards).
  'xmlFiles.list': z.object({
    upin: upin.optional(),
    year: year.optional(),
    status: z.enum(['final', 'submitted', 'accepted', 'rejected', 'withdrawn']).optional(),
  }),
  'xmlFiles.get': z.object({ name: fileName }),
  'xmlFiles.check': fileBytes,
  'xmlFiles.add': fileBytes
    .extend({ upin: upin.optional(), batchId: id.optional() })
    .refine((i) => (i.upin === undefined) !== (i.batchId === undefined), {
      message: 'Add the file to a batch, or keep it for a provider: one of the two.',
    }),
  'xmlFiles.withdraw': z.object({
    name: fileName,
    reason: z.string().trim().min(1, 'Say why the file is withdrawn.').max(2000),
  }),
} as const;

export interface FileOutputs {
  'files.list': StoredAmendmentFile[];
  'files.get': { file: StoredAmendmentFile; text: string; receipts: ReceiptView[] };
  'files.content': { fileName: string; base64: string };
  'files.discard': { file: StoredAmendmentFile; released: boolean };
  'files.finalise': StoredAmendmentFile;
  'xmlFiles.list': StoredXmlFile[];
  /** The file, its receipts, and the batches it is in (oldest first). */
  'xmlFiles.get': { file: StoredXmlFile; receipts: ReceiptView[]; batchIds: number[] };
  /** The offline check only: nothing is kept. */
  'xmlFiles.check': FileReport;
  /** Refused (INVALID_INPUT, the first errors named) when the check finds errors. */
  'xmlFiles.add': { file: StoredXmlFile; report: FileReport; batch: Batch | null };
  'xmlFiles.withdraw': { file: StoredXmlFile; removedFrom: number[] };
}

export const fileMutations = {
  'files.discard': ['files'],
  'files.finalise': ['files'],
  'xmlFiles.add': ['files', 'batches'],
  'xmlFiles.withdraw': ['files', 'batches'],
} as const;
