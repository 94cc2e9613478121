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

/** What the chooser knows of the file's fields beyond their values. */
export interface ChecksumHints {
  /** The unique (key) fields: a key such as A05 is often `01` on every record. */
  keys?: readonly string[];
  /** The fields being corrected: their sum also checks the corrected values. */
  changed?: readonly string[];
}

const varies = (values: readonly string[]) => values.some((v) => v !== values[0]);

export function chooseChecksumField(
  fileColumns: readonly Column[],
  extraColumns: readonly Column[],
  dataSet: DataSet,
  hints: ChecksumHints = {},
): ChooseResult {
  // A sum is worth most when its values vary: a field that is the same on every record (the
  // provider field, a key that is `01` throughout) only counts the records. So: a changed field
  // whose values vary, then a field that is not a key, then a key; a field that never varies
  // only when no field of the file varies, and the provider field last of all.
  const provider = PROVIDER_FIELD[dataSet];
  const keys = new Set(hints.keys ?? []);
  const changed = new Set(hints.changed ?? []);
  const rank = (c: Column): number => {
    if (c.field === provider) return 5;
    if (!varies(c.values)) return 4;
    if (changed.has(c.field)) return 1;
    return keys.has(c.field) ? 3 : 2;
  };
  const candidates = fileColumns
    .map((c, i) => ({ c, i, max: suitableMax(c.values) }))
    .filter((x) => x.max !== undefined)
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
  const best = candidates[0];
  if (best !== undefined && best.max !== undefined) {
    return {
      ok: true,
      choice: {
        field: best.c.field,
        added: false,
        reason: whyField(best.c, rank(best.c), best.max),
      },
    };
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
    message: `No field of the file or of the extract's ${dataSet} columns has only whole numbers no greater than ${CHECKSUM_LIMIT}, so no checksum can be computed. Add such a column of the ${dataSet} data set to the extract (e.g. ${dataSet === 'A' ? 'A11a' : dataSet === 'L' ? 'L12' : 'H18'}), or choose a checksum field yourself.`,
  };
}

/** The reason shown beside the suggestion: what the field is and what its sum will prove. */
function whyField(c: Column, rank: number, max: number): string {
  const fits = `all whole numbers no greater than ${CHECKSUM_LIMIT} (the largest is ${max})`;
  switch (rank) {
    case 1:
      return `${c.field} is a field being changed and its values vary and are ${fits}, so the checksum also checks the corrected values.`;
    case 2:
      return `${c.field} is not a key field and its values vary and are ${fits}, so the checksum checks the values as well as the number of records.`;
    case 3:
      return `${c.field} is a key field, but the only field of the file whose values vary and are ${fits}.`;
    case 4:
      return `${c.field} has the same value (${c.values[0] ?? ''}) on every record, so its sum only counts the records; no field of the file has values that vary and are whole numbers no greater than ${CHECKSUM_LIMIT}.`;
    default:
      return `${c.field} is the provider field, the same on every record, so its sum only counts the records; no other field of the file has values that are ${fits}.`;
  }
}
