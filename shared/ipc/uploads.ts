// Uploads to a destination, their receipts, and the regulator's verification results.
import { z } from 'zod';
import type { DestinationCheck, ReceiptView } from './views';
import { fileBytes, fileName, id, password } from './common';
import { TEXT_LIMITS as MAX, trimmedText } from './limits';

/** The command line names a destination by the name the user gave it. */
const destinationName = trimmedText('The destination name', MAX.name).min(
  1,
  'Give the name of a destination.',
);

export const uploadInputs = {
  'uploads.list': z.object({ batchId: id.optional(), destination: destinationName.optional() }),
  'uploads.start': z
    .object({
      destinationId: id.optional(),
      destination: destinationName.optional(),
      batchId: id.optional(),
      names: z.array(fileName).optional(),
      files: z.array(fileBytes).optional(),
      password,
    })
    .refine((i) => (i.destinationId === undefined) !== (i.destination === undefined), {
      message: 'Choose one destination.',
    }),
  'uploads.stop': z.void(),
  // Without input (the app's "Check", main's polling): every destination, stored passwords.
  'uploads.refresh': z.object({ destination: destinationName.optional(), password }).optional(),
} as const;

export interface UploadOutputs {
  /** Newest first. */
  'uploads.list': ReceiptView[];
  'uploads.start': ReceiptView[];
  'uploads.stop': { stopped: boolean };
  /**
   * `problems`: receipts the server could not give, one line each; the others still count.
   * `destinations`: per destination with uploads pending, whether it was asked or why not (no
   * password, refused password, unreachable); `pending`: uploads pending verification before.
   */
  'uploads.refresh': {
    changed: number;
    problems: string[];
    pending: number;
    destinations: DestinationCheck[];
  };
}

// uploads.refresh is not listed: it runs every few minutes while uploads are pending, and its
// operation tells the screens only when a verification result actually arrived.
export const uploadMutations = {
  'uploads.start': ['uploads', 'files', 'batches'],
} as const;
