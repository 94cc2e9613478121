// The UPIN: HEFCE's six-digit number for a provider. It is text, not a number, so 012345 keeps its
// leading zero in file names, headers and the history.
import { z } from 'zod';

const UPIN = /^\d{6}$/;

export const UPIN_MESSAGE = 'The UPIN must be six digits, leading zeros included (e.g. 012345).';

export function isUpin(text: string): boolean {
  return UPIN.test(text);
}

export const upinSchema = z.string().regex(UPIN, UPIN_MESSAGE);
