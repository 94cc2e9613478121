// The ILR year, written 2010-11: the collection year from August to July. The second part is the
// last two digits of the year after the first (1999-00 included); 2010-12 names no ILR year.
import { z } from 'zod';

const WRITTEN = /^(\d{4})-(\d{2})$/;

export const ILR_YEAR_MESSAGE = 'Write the ILR year like 2010-11.';

/**
 * The two parts of a year written like 2010-11, whether or not the second follows the first:
 * forms say "not an ILR year" to 2010-12 rather than asking for the shape again.
 */
export function ilrYearParts(text: string): { first: number; second: number } | undefined {
  const m = WRITTEN.exec(text);
  return m ? { first: Number(m[1]), second: Number(m[2]) } : undefined;
}

export function isIlrYear(text: string): boolean {
  const parts = ilrYearParts(text);
  return parts !== undefined && (parts.first + 1) % 100 === parts.second;
}

export const ilrYearSchema = z.string().refine(isIlrYear, ILR_YEAR_MESSAGE);
