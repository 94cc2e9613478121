// A calendar date written YYYY-MM-DD, as the history, the contract and the data portal keep it.
// A day that does not exist (2011-02-29) is refused like a badly written one.
import { z } from 'zod';
import type { CalendarDate } from './calendar-date';
import { isRealDate } from './calendar-date';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const ISO_DATE_MESSAGE = 'Give a date that exists, written YYYY-MM-DD (e.g. 2011-03-14).';

export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export const isoDateSchema = z.string().refine(isIsoDate, ISO_DATE_MESSAGE);
