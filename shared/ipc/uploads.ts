// Uploads to a destination, their receipts, and the regulator's verification results.
import { z } from 'zod';
import type { ReceiptView } from './views';
import { fileBytes, fileName, id, password } from './common';

export const uploadInputs = {
  'uploads.list': z.object({ batchId: id.optional() }),
  'uploads.start': z.object({
    destinationId: id,
    batchId: id.optional(),
    names: z.array(fileName).optional(),
    files: z.array(fileBytes).optional(),
    password,
  }),
  'uploads.stop': z.void(),
  'uploads.refresh': z.void(),
} as const;

export interface UploadOutputs {
  'uploads.list': ReceiptView[];
  'uploads.start': ReceiptView[];
  'uploads.stop': { stopped: boolean };
  'uploads.refresh': { changed: number };
}

// uploads.refresh is not listed: it runs every few minutes while uploads are pending, and its
// operation tells the screens only when a verification result actually arrived.
export const uploadMutations = {
  'uploads.start': ['uploads', 'files', 'batches'],
} as const;
