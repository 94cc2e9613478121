// Choosing the checksum field, as HEFCE's guide describes: a numeric field whose values are small
// enough (about 20,000 at most); if the file has none, a suitable field of the same data set added
// solely for the checksum; otherwise the user must decide.
import type { DataSet } from './model';
import { CHECKSUM_LIMIT, isWholeNumber } from './records';
import { PROVIDER_FIELD, dataSetOf } from '../ilr/catalogue';

export interface ChecksumChoice {
  field: string;
  /** True when the field is not otherwise part of the file and was added for the checksum. */
  added: boolean;
  /** Why this field: shown to the user beside the suggestion. */
  reason: string;
}

export interface Column {
  field: string;
  values: readonly string[];
}

/** The largest value if every value is a whole number no greater than the limit, else undefined. */
export function suitableMax(values: readonly string[]): number | undefined {
  let max = 0;
  for (const v of values) {
    if (!isWholeNumber(v) || v.length > 6) return undefined;
    const x = Number(v);
    if (x > CHECKSUM_LIMIT) return undefined;
    if (x > max) max = x;
  }
  return values.length > 0 ? max : undefined;
}

export function sumOf(values: readonly string[]): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

export type ChooseResult = { ok: true; choice: ChecksumChoice } | { ok: false; message: string };

export function chooseChecksumField(
  fileColumns: readonly Column[],
  extraColumns: readonly Column[],
  dataSet: DataSet,
): ChooseResult {
  // The provider field is the same on every record, so its sum proves little beyond the count:
  // it is the file's last choice, not its first.
  const provider = PROVIDER_FIELD[dataSet];
  const ordered = [
    ...fileColumns.filter((c) => c.field !== provider),
    ...fileColumns.filter((c) => c.field === provider),
  ];
  for (const c of ordered) {
    const max = suitableMax(c.values);
    if (max !== undefined) {
      return {
        ok: true,
        choice: {
          field: c.field,
          added: false,
          reason: `${c.field} is the first field of the file whose values are all whole numbers no greater than ${CHECKSUM_LIMIT} (the largest is ${max}).`,
        },
      };
    }
  }
  for (const c of extraColumns) {
    if (dataSetOf(c.field) !== dataSet) continue;
    const max = suitableMax(c.values);
    if (max !== undefined) {
      return {
        ok: true,
        choice: {
          field: c.field,
          added: true,
          reason: `No field of the file has only whole numbers no greater than ${CHECKSUM_LIMIT}, so ${c.field} from the extract (largest value ${max}) is added solely for the checksum, as HEFCE's guide allows.`,
        },
      };
    }
  }
  return {
    ok: false,
    message: `No field of the file or of the extract's ${dataSet} columns has only whole numbers no greater than ${CHECKSUM_LIMIT}, so no checksum can be computed. Add such a column of the ${dataSet} data set to the extract (e.g. ${dataSet === 'A' ? 'A11a' : dataSet === 'L' ? 'L12' : 'H18'}) or name one with --checksum-field.`,
  };
}
