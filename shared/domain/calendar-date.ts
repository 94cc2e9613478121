// A calendar date: a day with no time or zone (a file's creation date, a due date). Amendment files
// write it ddmmyyyy (header line 2, ILR date fields); the history writes it YYYY-MM-DD (iso-date).
import { z } from 'zod';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A day that exists (no 30 February, 29 February only in leap years), from 1900 on. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const DDMMYYYY = /^(\d{2})(\d{2})(\d{4})$/;

export const DDMMYYYY_MESSAGE =
  'Write the date as eight digits, ddmmyyyy, for a day that exists (e.g. 14032011).';

/** Parses `ddmmyyyy` into a real calendar date, or undefined (31022011 is not a date). */
export function parseDdMmYyyy(text: string): CalendarDate | undefined {
  const m = DDMMYYYY.exec(text);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

export function isDdMmYyyy(text: string): boolean {
  return parseDdMmYyyy(text) !== undefined;
}

export function formatDdMmYyyy(d: CalendarDate): string {
  return (
    String(d.day).padStart(2, '0') +
    String(d.month).padStart(2, '0') +
    String(d.year).padStart(4, '0')
  );
}

export const ddMmYyyySchema = z.string().refine(isDdMmYyyy, DDMMYYYY_MESSAGE);
