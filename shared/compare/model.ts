// What a comparison of two extracts reports. Record numbers count an extract's records from 1,
// the header row not counted (blank rows are skipped, as the extract reader skips them).
import type { DataSet } from '../amd/model';
import type { Side } from './columns';

/** A record's key: each key field and its value, in the order of the keys. */
export type RecordKey = Record<string, string>;

export interface KeyedRecord {
  key: RecordKey;
  record: number;
}

/** A field whose text differs: the value as returned and as corrected. */
export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

export interface ChangedRecord {
  key: RecordKey;
  returnedRecord: number;
  correctedRecord: number;
  /** In the corrected extract's column order. */
  fields: FieldChange[];
}

/** A key found on more than one record of one extract: those records cannot be matched. */
export interface DuplicateKey {
  extract: Side;
  key: RecordKey;
  records: number[];
}

export interface Comparison {
  dataset: DataSet;
  keys: string[];
  records: { returned: number; corrected: number };
  changed: { count: number; records: ChangedRecord[] };
  /** Only in the corrected extract. */
  added: { count: number; records: KeyedRecord[] };
  /** Only in the returned extract. */
  deleted: { count: number; records: KeyedRecord[] };
  unchanged: number;
  /** Every field that differs in some changed record, in the corrected extract's column order. */
  changedFields: string[];
  duplicateKeys: DuplicateKey[];
  /** Columns of each extract that were not compared (in one only, or not the data set's fields). */
  notCompared: Record<Side, string[]>;
}
