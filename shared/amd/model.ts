// The HEFCE ILR amendment file (2010-11 and earlier), as the guide defines it: a 12-line header
// followed by comma-separated records. Every value is a string, always: leading zeros in UPINs
// and learner references are significant and must never pass through a number.

export type AmendmentKind = 'CHANGE' | 'ADD' | 'DELETE';
export type DataSet = 'L' | 'A' | 'H';
export type AdditionType = 1 | 2 | 3;

export const AMENDMENT_KINDS: readonly AmendmentKind[] = ['CHANGE', 'ADD', 'DELETE'];
export const DATA_SETS: readonly DataSet[] = ['L', 'A', 'H'];
export const DATA_SET_NAMES: Record<DataSet, string> = {
  L: 'learner',
  A: 'learning aim',
  H: 'HE',
};

/** The file-name prefix for each kind (`chg`, `add`, `del`). */
export const KIND_PREFIX: Record<AmendmentKind, string> = {
  CHANGE: 'chg',
  ADD: 'add',
  DELETE: 'del',
};

/** Which data sets an addition of type T may touch (guide: T=3 L/A/H, T=2 A/H, T=1 H only). */
export const ADDITION_SCOPE: Record<AdditionType, readonly DataSet[]> = {
  3: ['L', 'A', 'H'],
  2: ['A', 'H'],
  1: ['H'],
};

/** The header line numbers (1-based), named for readable code and messages. */
export const HEADER_LINE = {
  reference: 1,
  date: 2,
  description: 3,
  kind: 4,
  uniqueFields: 5,
  changedFields: 6,
  recordCount: 7,
  checksumField: 8,
  checksumValue: 9,
  note1: 10,
  note2: 11,
  fieldList: 12,
} as const;
export const HEADER_LINES = 12;

/** A calendar date with no time zone: the header's creation date is a day, not an instant. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Everything needed to write an amendment file; record count and checksum are computed. */
export interface AmendmentFileSpec {
  kind: AmendmentKind;
  dataSet: DataSet;
  /** Only for ADD files. */
  additionType?: AdditionType;
  /** The six-digit UPIN (ST_UPIN, L01), as text. */
  provider: string;
  /** The sequence number NN, 1 to 99. */
  seq: number;
  createdOn: CalendarDate;
  description: string;
  notes: readonly [string, string] | readonly [string] | readonly [];
  /** Line 12, in record order. */
  fields: readonly string[];
  /** Line 5 (CHANGE, DELETE). */
  uniqueFields: readonly string[];
  /** Line 6 (CHANGE). */
  changedFields: readonly string[];
  /** Line 8: one of `fields`. */
  checksumField: string;
  records: readonly (readonly string[])[];
}

/** Zero-pads a sequence number to the two digits the file name uses. */
export function formatSeq(seq: number): string {
  return String(seq).padStart(2, '0');
}

export function formatDdMmYyyy(d: CalendarDate): string {
  return (
    String(d.day).padStart(2, '0') +
    String(d.month).padStart(2, '0') +
    String(d.year).padStart(4, '0')
  );
}

/** Parses `ddmmyyyy` into a real calendar date, or undefined (31022011 is not a date). */
export function parseDdMmYyyy(text: string): CalendarDate | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const year = Number(text.slice(4, 8));
  if (!isRealDate(year, month, day)) return undefined;
  return { year, month, day };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
