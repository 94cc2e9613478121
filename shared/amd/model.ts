// The HEFCE ILR amendment file (2010-11 and earlier), as the guide defines it: a 12-line header
// followed by comma-separated records. Every value is a string, always: leading zeros in UPINs
// and learner references are significant and must never pass through a number.
import type { CalendarDate } from '../domain';

// The creation date (line 2) is a calendar date written ddmmyyyy; both are domain primitives, and
// the amendment file's API keeps offering them.
export type { CalendarDate } from '../domain';
export { formatDdMmYyyy, isRealDate, parseDdMmYyyy } from '../domain';

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

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
