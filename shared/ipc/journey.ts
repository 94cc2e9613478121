// The HEFCE journey's operations: action plans, building and finalising amendment files, batches
// and uploads. Merged into the contract's handler map (contract.ts).
import { z } from 'zod';
import type {
  ActionPlan,
  Batch,
  PlanRow,
  StoredAmendmentFile,
  StoredXmlFile,
  XmlBatchCheck,
} from '../history/types';
import type { FileReport } from '../amd/validate';
import type { ReceiptView } from './views';
import {
  ddMmYyyySchema,
  fieldCodeSchema as fieldCode,
  ilrYearSchema as year,
  isoDateSchema,
  upinSchema as upin,
} from '../domain';

const id = z.number().int().positive();
const kind = z.enum(['CHANGE', 'ADD', 'DELETE']);
const fileName = z.string().regex(/^[^/\\]{1,200}$/, 'Give a file name, not a path.');

const row = z.object({
  kind,
  description: z.string().trim().min(1, 'Describe the area of difference.'),
  fields: z.union([
    z.literal('all'),
    z.array(z.string().trim().min(1)).min(1, 'Name the fields to be changed.'),
  ]),
  records: z.number().int().min(0, 'The number of records cannot be negative.'),
  due: isoDateSchema,
  errorType: z.string().nullable().optional(),
  cause: z.string().nullable().optional(),
});

/** Base64 of a file the user chose: the renderer never hands main a path. */
const fileBytes = z.object({ fileName, base64: z.string().max(700_000_000) });

export const journeyInputs = {
  'plans.list': z.object({ upin: upin.optional() }),
  'plans.get': z.object({ planId: id }),
  'plans.create': z.object({
    upin,
    year,
    title: z.string().trim().min(1, 'Give the plan a title.'),
    variant: z.enum(['general', 'heifes']),
  }),
  'plans.addRow': z.object({ planId: id, row }),
  'plans.updateRow': z.object({ planId: id, ref: id, row }),
  'plans.removeRow': z.object({ planId: id, ref: id }),
  'plans.move': z.object({
    planId: id,
    action: z.enum(['submit', 'approve', 'return']),
    note: z.string().max(2000).optional(),
  }),
  'plans.revise': z.object({ planId: id, note: z.string().max(2000).optional() }),
  'plans.exportXlsx': z.object({ planId: id }),
  'plans.importXlsx': fileBytes.extend({ upin, year }),
  'mappings.get': z.object({ upin }),
  'mappings.save': z.object({ upin, mapping: z.record(z.string(), fieldCode) }),
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
    kind,
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
  'batches.list': z.object({ upin: upin.optional() }),
  'batches.get': z.object({ batchId: id }),
  'batches.create': z.object({
    upin,
    year,
    planId: id,
    destination: z.string().trim().min(1).optional(),
  }),
  'batches.add': z.object({ batchId: id, names: z.array(fileName).min(1) }),
  'batches.remove': z.object({ batchId: id, name: fileName }),
  'batches.signOff': z.object({
    batchId: id,
    by: z.string().trim().min(1, 'Enter the name of the person signing off.'),
  }),
  'uploads.list': z.object({ batchId: id.optional() }),
  'uploads.start': z.object({
    destinationId: id,
    batchId: id.optional(),
    names: z.array(fileName).optional(),
    files: z.array(fileBytes).optional(),
    password: z.string().min(1).max(1280).optional(),
  }),
  'uploads.stop': z.void(),
  // ILR XML files (2011-12 onwards) and the re-submission rule of their batches.
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
  'batches.check': z.object({ batchId: id }),
  'batches.override': z.object({
    batchId: id,
    reason: z
      .string()
      .trim()
      .min(1, 'Say why the earlier files are left out.')
      .max(2000, 'Keep the reason under 2,000 characters.'),
  }),
} as const;

export interface JourneyOutputs {
  'plans.list': ActionPlan[];
  'plans.get': ActionPlan;
  'plans.create': ActionPlan;
  'plans.addRow': PlanRow;
  'plans.updateRow': PlanRow;
  'plans.removeRow': ActionPlan;
  'plans.move': ActionPlan;
  'plans.revise': ActionPlan;
  'plans.exportXlsx': { fileName: string; base64: string };
  'plans.importXlsx': ActionPlan;
  'mappings.get': Record<string, string>;
  'mappings.save': Record<string, string>;
  'files.list': StoredAmendmentFile[];
  'files.get': { file: StoredAmendmentFile; text: string; receipts: ReceiptView[] };
  'files.content': { fileName: string; base64: string };
  'files.discard': { file: StoredAmendmentFile; released: boolean };
  'files.finalise': StoredAmendmentFile;
  'batches.list': Batch[];
  'batches.get': Batch;
  'batches.create': Batch;
  'batches.add': Batch;
  'batches.remove': Batch;
  'batches.signOff': Batch;
  'uploads.list': ReceiptView[];
  'uploads.start': ReceiptView[];
  'uploads.stop': { stopped: boolean };
  'xmlFiles.list': StoredXmlFile[];
  /** The file, its receipts, and the batches it is in (oldest first). */
  'xmlFiles.get': { file: StoredXmlFile; receipts: ReceiptView[]; batchIds: number[] };
  /** The offline check only: nothing is kept. */
  'xmlFiles.check': FileReport;
  /** Refused (INVALID_INPUT, the first errors named) when the check finds errors. */
  'xmlFiles.add': { file: StoredXmlFile; report: FileReport; batch: Batch | null };
  'xmlFiles.withdraw': { file: StoredXmlFile; removedFrom: number[] };
  'batches.check': XmlBatchCheck;
  'batches.override': Batch;
}
