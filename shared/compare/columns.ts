// Which columns two extracts are compared on: the keys (in both, by the ILR's own spelling, so
// `L42A` in one and `L42a` in the other are one column) and the data set's fields found in both,
// in the corrected extract's order. Columns in only one extract, and columns that are not the data
// set's fields (an MIS's own, such as a name), are not compared and are listed so nothing is
// passed over unnoticed.
import type { DataSet } from '../amd/model';
import { DATA_SET_NAMES } from '../amd/model';
import { canonicalFieldCode } from '../domain';
import { RECOMMENDED_KEYS, dataSetOf } from '../ilr/catalogue';

export type Side = 'returned' | 'corrected';

/** A fault that stops the comparison: said in one line, naming the extract. */
export class CompareError extends Error {}

export interface SideColumns {
  /** The extract's header as written. */
  header: readonly string[];
  /** Where each key is in this extract. */
  keys: number[];
  /** Where each compared field is in this extract. */
  fields: number[];
}

export interface ComparedColumns {
  dataSet: DataSet;
  keys: string[];
  /** The fields compared besides the keys, in the corrected extract's order. */
  fields: string[];
  returned: SideColumns;
  corrected: SideColumns;
  notCompared: Record<Side, string[]>;
}

/**
 * The keys as the user named them (the guide's short forms L42 and A48 stand for both of their
 * occurrences, as the guide writes them), or the guide's recommended keys for the data set.
 */
export function keysFor(dataSet: DataSet, named?: readonly string[]): string[] {
  if (!named || named.length === 0) return [...RECOMMENDED_KEYS[dataSet]];
  const keys: string[] = [];
  for (const n of named) {
    const code = canonicalFieldCode(n);
    const both = code === 'L42' || code === 'A48' ? [`${code}a`, `${code}b`] : [code];
    for (const k of both) if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

function indexOf(side: Side, header: readonly string[], wanted: ReadonlySet<string>) {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const code = canonicalFieldCode(h);
    if (!index.has(code)) index.set(code, i);
    else if (wanted.has(code))
      throw new CompareError(`The ${side} extract has more than one ${code} column; keep one.`);
  });
  return index;
}

export function compareColumns(
  dataSet: DataSet,
  returned: readonly string[],
  corrected: readonly string[],
  named?: readonly string[],
): ComparedColumns {
  for (const [side, header] of [
    ['returned', returned],
    ['corrected', corrected],
  ] as const) {
    if (header.length === 0)
      throw new CompareError(`The ${side} extract is empty: its first row must name the columns.`);
  }
  const keys = keysFor(dataSet, named);
  const isField = (c: string) => dataSetOf(c) === dataSet;
  const inReturned = indexOf('returned', returned, new Set(keys));
  const inCorrected = indexOf('corrected', corrected, new Set(keys));
  for (const [side, index] of [
    ['returned', inReturned],
    ['corrected', inCorrected],
  ] as const) {
    const missing = keys.filter((k) => !index.has(k));
    if (missing.length > 0) {
      const recommended = named?.length
        ? ''
        : `, the recommended keys for the ${DATA_SET_NAMES[dataSet]} data set`;
      throw new CompareError(
        `The ${side} extract has no column ${missing.join(', ')}; records are matched on ${keys.join(', ')}${recommended}. Add the column, or name the keys to match on.`,
      );
    }
  }
  const fields = [...inCorrected.keys()].filter(
    (c) => isField(c) && !keys.includes(c) && inReturned.has(c),
  );
  // A compared field written twice would be compared on its first column only: refuse instead.
  indexOf('returned', returned, new Set(fields));
  indexOf('corrected', corrected, new Set(fields));
  const compared = new Set([...keys, ...fields]);
  const notCompared = (header: readonly string[]) =>
    header.filter((h) => !compared.has(canonicalFieldCode(h)));
  return {
    dataSet,
    keys,
    fields,
    returned: {
      header: returned,
      keys: keys.map((k) => inReturned.get(k) as number),
      fields: fields.map((f) => inReturned.get(f) as number),
    },
    corrected: {
      header: corrected,
      keys: keys.map((k) => inCorrected.get(k) as number),
      fields: fields.map((f) => inCorrected.get(f) as number),
    },
    notCompared: { returned: notCompared(returned), corrected: notCompared(corrected) },
  };
}
