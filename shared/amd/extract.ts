// Turns an MIS extract (a header row of ILR field codes, then rows of text) into the fields and
// records of an amendment file. Columns can come in any order; extra columns are ignored.
import type { AdditionType, AmendmentKind, DataSet } from './model';
import { DATA_SET_NAMES } from './model';
import type { ChecksumChoice, Column } from './checksum';
import { chooseChecksumField, suitableMax } from './checksum';
import { RECOMMENDED_KEYS, dataSetOf } from '../ilr/catalogue';
import { canonicalFieldCode, isFieldCode } from '../domain';

export interface Extract {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface ExtractPlanOptions {
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  /** Unique fields; defaults to HEFCE's recommended keys for the data set. */
  keys?: readonly string[];
  changed?: readonly string[];
  /** A field code, or 'auto' to choose as the guide describes. */
  checksumField: string;
}

export interface ExtractPlan {
  fields: string[];
  uniqueFields: string[];
  changedFields: string[];
  checksum: ChecksumChoice;
  records: string[][];
  /** Extract columns not used in the file (shown, so nothing is dropped unnoticed). */
  ignoredColumns: string[];
}

export type ExtractPlanResult = { ok: true; plan: ExtractPlan } | { ok: false; message: string };

/** MIS exports often shout: `L42A` is `L42a` (the validator reads header lines the same way). */
export { canonicalFieldCode };

export function planFromExtract(ex: Extract, o: ExtractPlanOptions): ExtractPlanResult {
  if (ex.header.length === 0)
    return { ok: false, message: 'The extract is empty: its first row must name the ILR fields.' };
  if (ex.rows.length === 0)
    return { ok: false, message: 'The extract has a header row but no records.' };
  const header = ex.header.map(canonicalFieldCode);
  const index = new Map<string, number>();
  const dupes = new Set<string>();
  header.forEach((h, i) => (index.has(h) ? dupes.add(h) : index.set(h, i)));
  const col = (f: string) => index.get(f);

  const keys = (o.keys ?? RECOMMENDED_KEYS[o.dataSet]).map(canonicalFieldCode);
  const changed = (o.changed ?? []).map(canonicalFieldCode);
  let fields: string[];
  if (o.kind === 'ADD') {
    fields = header.filter(
      (h, i) => isFieldCode(h) && dataSetOf(h) === o.dataSet && index.get(h) === i,
    );
    if (fields.length === 0) {
      return {
        ok: false,
        message: `The extract has no ${DATA_SET_NAMES[o.dataSet]} (${o.dataSet}) field columns; its first row must name them, e.g. ${o.dataSet}01.`,
      };
    }
  } else {
    if (o.kind === 'CHANGE' && changed.length === 0) {
      return {
        ok: false,
        message: 'A change file needs the fields being corrected: choose them.',
      };
    }
    fields = unique([...keys, ...(o.kind === 'CHANGE' ? changed : [])]);
    const missing = fields.filter((f) => col(f) === undefined);
    if (missing.length > 0) {
      const defaulted = o.keys === undefined && missing.some((f) => keys.includes(f));
      return {
        ok: false,
        message:
          `The extract has no column ${missing.join(', ')}.` +
          (defaulted
            ? ` ${missing.filter((f) => keys.includes(f)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} among the recommended unique fields for the ${DATA_SET_NAMES[o.dataSet]} data set (${RECOMMENDED_KEYS[o.dataSet].join(', ')}); add the column to the extract or choose other unique fields.`
            : ' Add the column to the extract or correct the field list.'),
      };
    }
  }
  const used = new Set(fields);
  for (const d of dupes) {
    if (used.has(d) || canonicalFieldCode(o.checksumField) === d) {
      return { ok: false, message: `The extract has more than one ${d} column; keep one.` };
    }
  }
  const width = ex.header.length;
  for (let r = 0; r < ex.rows.length; r++) {
    const n = ex.rows[r]?.length ?? 0;
    if (n !== width) {
      return {
        ok: false,
        message: `Row ${r + 2} of the extract has ${n} values but its header row has ${width}; check for a missing value or an unquoted comma.`,
      };
    }
  }
  const column = (f: string): Column => {
    const i = col(f) ?? -1;
    return { field: f, values: ex.rows.map((row) => row[i] ?? '') };
  };

  let checksum: ChecksumChoice;
  if (o.checksumField === 'auto') {
    const others = header.filter((h, i) => isFieldCode(h) && !used.has(h) && index.get(h) === i);
    const chosen = chooseChecksumField(fields.map(column), others.map(column), o.dataSet, {
      keys,
      changed: o.kind === 'CHANGE' ? changed : [],
    });
    if (!chosen.ok) return { ok: false, message: chosen.message };
    checksum = chosen.choice;
  } else {
    const f = canonicalFieldCode(o.checksumField);
    if (col(f) === undefined)
      return { ok: false, message: `The checksum field ${f} is not a column of the extract.` };
    const max = suitableMax(column(f).values);
    checksum = {
      field: f,
      added: !used.has(f),
      reason:
        max === undefined
          ? `${f} was chosen by hand; not all its values are whole numbers no greater than 20000.`
          : `${f} was chosen by hand (largest value ${max}).`,
    };
  }
  if (checksum.added) fields.push(checksum.field);
  const idx = fields.map((f) => col(f) ?? -1);
  const records = ex.rows.map((row) => idx.map((i) => row[i] ?? ''));
  const ignoredColumns = header.filter((h) => !fields.includes(h));
  return {
    ok: true,
    plan: {
      fields,
      uniqueFields: o.kind === 'ADD' ? [] : keys,
      changedFields: o.kind === 'CHANGE' ? changed : [],
      checksum,
      records,
      ignoredColumns,
    },
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
