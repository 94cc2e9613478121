// A printable receipt: one page per upload or per batch, with what auditors ask for (files, bytes,
// SHA-256, where they went, when, who signed off and sent them, the regulator's verdict, and the
// audit trail's head witnessed by the server), and the data officer's name it shows as the sender.
import { z } from 'zod';
import type { ReceiptView } from './views';
import { id } from './common';

export const receiptInputs = {
  'receipts.get': z
    .object({ uploadId: id.optional(), batchId: id.optional() })
    .refine((i) => (i.uploadId === undefined) !== (i.batchId === undefined), {
      message: 'Choose one upload or one batch.',
    }),
  'dataOfficer.get': z.void(),
  'dataOfficer.set': z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the name of the person sending files.')
      .max(200, 'A name is at most 200 characters.'),
  }),
} as const;

export interface PrintableReceiptFile {
  name: string;
  bytes: number;
  sha256: string;
  /** The SHA-256 of what the server received, once it has every byte. */
  serverSha256: string | null;
  uploadId: string | null;
  status: ReceiptView['status'];
  /** The verification outcome in words, with the server's messages for a failure. */
  outcome: string;
  auditHead: { entry: number; seal: string } | null;
}

export interface PrintableReceipt {
  kind: 'upload' | 'batch';
  id: number;
  /** "Upload receipt 3", "Batch 2 receipt". */
  title: string;
  /** The provider's UPIN and name, when the files belong to a batch. */
  provider: string | null;
  year: string | null;
  destination: string;
  area: string;
  files: PrintableReceiptFile[];
  totalBytes: number;
  /** When the first file started, and when the last arrived (null while any has not). */
  startedAt: string;
  receivedAt: string | null;
  sentBy: string;
  /** False when `sentBy` is only the computer's account: no data officer's name was set. */
  sentByIsPerson: boolean;
  signedOff: { by: string; at: string } | null;
  /** The overall verification outcome, one sentence. */
  verification: string;
  /** The newest audit head the files carried to the server. */
  auditHead: { entry: number; seal: string } | null;
}

export interface DataOfficer {
  /** The name set in Settings, or null. */
  name: string | null;
  /** The computer's account: what receipts show, labelled as such, while no name is set. */
  account: string;
}

export interface ReceiptOutputs {
  'receipts.get': PrintableReceipt;
  'dataOfficer.get': DataOfficer;
  'dataOfficer.set': DataOfficer;
}

export const receiptMutations = {
  'dataOfficer.set': ['settings'],
} as const;
