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
      /**
       * Which of the destination's areas: needed only where it has several (a batch goes to the
       * area it names when the destination has one of that name).
       */
      area: trimmedText('The upload area', MAX.name).min(1, 'Enter the upload area.').optional(),
      batchId: id.optional(),
      names: z.array(fileName).optional(),
      files: z.array(fileBytes).optional(),
      password,
      /** Send files that are not amendment, ILR XML or portal files, which cannot be checked. */
      confirmUnchecked: z.boolean().optional(),
    })
    .refine((i) => (i.destinationId === undefined) !== (i.destination === undefined), {
      message: 'Choose one destination.',
    }),
  'uploads.stop': z.void(),
  /** What each file from this computer is, checked before it is sent; nothing is kept. */
  'uploads.check': z.object({ files: z.array(fileBytes).min(1, 'Choose a file to check.') }),
  // Without input (the app's "Check", main's polling): every destination, stored passwords.
  'uploads.refresh': z.object({ destination: destinationName.optional(), password }).optional(),
} as const;

/** A file from this computer, checked before it is sent. */
export interface UploadFileCheck {
  fileName: string;
  bytes: number;
  /** What ReturnDesk recognised it as; 'unchecked' when none of the three. */
  kind: 'amendment' | 'xml' | 'portal' | 'unchecked';
  /** The portal template whose imported format the columns match. */
  template: string | null;
  /** Records (amendment), learners (XML), data rows (portal, and lines after the first otherwise). */
  rows: number;
  errors: number;
  warnings: number;
  /** Columns that look like learners' personal data (unchecked files only). */
  personalData: string[];
}

export interface UploadOutputs {
  /** Newest first. */
  'uploads.list': ReceiptView[];
  'uploads.start': ReceiptView[];
  'uploads.stop': { stopped: boolean };
  'uploads.check': UploadFileCheck[];
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
