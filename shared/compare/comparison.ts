// Compares the data as returned with the data as it should be, record by record, in passes over
// the two extracts that keep hashes, not records (record-table.ts):
//   1. the returned extract: each record's key hash, values hash and record number;
//   2. the corrected extract: the same, each record matched on its key; only the records that may
//      be reported (not matched, or matched with other values) are kept whole;
//   3. the returned extract again, only when there are changed or deleted records: those are kept.
// Values are compared as text, exactly as written: `01` and `1` differ.
// A door drives the passes with the one extract reader; nothing here reads a file.
import type { ComparedColumns, Side } from './columns';
import { CompareError } from './columns';
import { DUPLICATE, MATCHED, RecordTable, hashValues } from './record-table';
import type { Comparison, ChangedRecord, DuplicateKey, KeyedRecord } from './model';

/** Numbers an extract's records from 1 as they are read, refusing one of the wrong width. */
class RowCheck {
  count = 0;
  constructor(
    private readonly side: Side,
    private readonly width: number,
  ) {}

  next(row: readonly string[]): number {
    this.count++;
    if (row.length !== this.width)
      throw new CompareError(
        `Record ${this.count} of the ${this.side} extract has ${row.length} values but its header row has ${this.width}; check for a missing value or an unquoted comma.`,
      );
    return this.count;
  }
}

interface Duplicates {
  key: string[];
  records: number[];
}

export class ExtractComparison {
  private returned = new RecordTable();
  private corrected = new RecordTable();
  private returnedCheck: RowCheck;
  private correctedCheck: RowCheck;
  private readonly duplicates: Record<Side, Map<number, Duplicates>> = {
    returned: new Map(),
    corrected: new Map(),
  };
  /** Corrected records that may be reported, whole, by record number. */
  private correctedRows = new Map<number, string[]>();
  /** Returned records to keep on the third pass, then kept there. */
  private wanted = new Uint8Array(0);
  private returnedRows = new Map<number, string[]>();
  private changedPairs: [number, number][] = [];
  private added: number[] = [];
  private deleted: number[] = [];
  private unchanged = 0;

  constructor(readonly columns: ComparedColumns) {
    this.returnedCheck = new RowCheck('returned', columns.returned.header.length);
    this.correctedCheck = new RowCheck('corrected', columns.corrected.header.length);
  }

  /** Pass 1 starts (again, when the extract is read again in another encoding). */
  startReturned(): void {
    this.returned = new RecordTable();
    this.duplicates.returned.clear();
    this.returnedCheck = new RowCheck('returned', this.columns.returned.header.length);
  }

  addReturned(rows: readonly string[][]): void {
    const { keys, fields } = this.columns.returned;
    for (const row of rows) {
      const n = this.returnedCheck.next(row);
      const dup = this.returned.add(hashValues(row, keys), hashValues(row, fields), n);
      if (dup !== undefined) this.noteDuplicate('returned', this.returned, dup, row, n);
    }
  }

  /** Pass 2 starts (again). */
  startCorrected(): void {
    this.corrected = new RecordTable();
    this.duplicates.corrected.clear();
    this.correctedRows.clear();
    this.correctedCheck = new RowCheck('corrected', this.columns.corrected.header.length);
  }

  addCorrected(rows: string[][]): void {
    const { keys, fields } = this.columns.corrected;
    for (const row of rows) {
      const n = this.correctedCheck.next(row);
      const key = hashValues(row, keys);
      const values = hashValues(row, fields);
      const dup = this.corrected.add(key, values, n);
      if (dup !== undefined) {
        this.noteDuplicate('corrected', this.corrected, dup, row, n);
        continue;
      }
      const e = this.returned.find(key);
      if (e < 0 || (!this.returned.has(e, DUPLICATE) && !this.returned.sameRow(e, values)))
        this.correctedRows.set(n, detached(row));
    }
  }

  /**
   * After pass 2: which records are changed, added, deleted or unchanged. Records whose key is
   * repeated in either extract are none of these: they are reported as duplicate keys.
   */
  match(): void {
    const [r, c] = [this.returned, this.corrected];
    for (let e = 0; e < c.size; e++) {
      const re = r.find(c.key(e));
      if (c.has(e, DUPLICATE)) {
        if (re >= 0) r.setFlag(re, MATCHED);
        continue;
      }
      if (re < 0) this.added.push(c.record(e));
      else if (r.has(re, DUPLICATE)) continue;
      else {
        r.setFlag(re, MATCHED);
        if (r.sameRow(re, c.values(e))) this.unchanged++;
        else this.changedPairs.push([r.record(re), c.record(e)]);
      }
    }
    for (let e = 0; e < r.size; e++)
      if (!r.has(e, MATCHED) && !r.has(e, DUPLICATE)) this.deleted.push(r.record(e));
    const keep = new Set<number>([...this.added, ...this.changedPairs.map(([, n]) => n)]);
    for (const n of this.correctedRows.keys()) if (!keep.has(n)) this.correctedRows.delete(n);
    this.wanted = new Uint8Array(this.returnedCheck.count + 1);
    for (const [n] of this.changedPairs) this.wanted[n] = 1;
    for (const n of this.deleted) this.wanted[n] = 1;
  }

  /** Whether pass 3 is needed: there are returned records to report or build from. */
  needsReturnedRows(): boolean {
    return this.changedPairs.length + this.deleted.length > 0;
  }

  /** Pass 3 starts (again). */
  startReturnedRows(): void {
    this.returnedRows.clear();
    this.returnedCheck = new RowCheck('returned', this.columns.returned.header.length);
  }

  keepReturned(rows: readonly string[][]): void {
    for (const row of rows) {
      const n = this.returnedCheck.next(row);
      if (this.wanted[n] === 1) this.returnedRows.set(n, detached(row));
    }
  }

  /** The comparison, and the records to build files from. */
  result(): { comparison: Comparison; rows: ComparedRows } {
    const { columns } = this;
    const keyOf = (side: Side, row: readonly string[]) =>
      columns[side].keys.map((i) => row[i] ?? '');
    const changed: ChangedRecord[] = [];
    const added = new Map<number, KeyedRecord>();
    const deleted = new Map<number, KeyedRecord>();
    const keyed = (key: string[], record: number): KeyedRecord => ({
      key: this.named(key),
      record,
    });
    for (const n of this.deleted) deleted.set(n, keyed(keyOf('returned', this.row('r', n)), n));
    for (const n of this.added) added.set(n, keyed(keyOf('corrected', this.row('c', n)), n));
    const differing = new Set<number>();
    for (const [rn, cn] of this.changedPairs) {
      const old = this.row('r', rn);
      const now = this.row('c', cn);
      const key = keyOf('corrected', now);
      // Equal key hashes, different keys: two records after all, one deleted and one added.
      if (keyOf('returned', old).some((v, i) => v !== key[i])) {
        deleted.set(rn, keyed(keyOf('returned', old), rn));
        added.set(cn, keyed(key, cn));
        continue;
      }
      const fields = [];
      for (let f = 0; f < columns.fields.length; f++) {
        const was = old[columns.returned.fields[f] as number] ?? '';
        const is = now[columns.corrected.fields[f] as number] ?? '';
        if (was !== is) {
          fields.push({ field: columns.fields[f] as string, old: was, new: is });
          differing.add(f);
        }
      }
      changed.push({ key: this.named(key), returnedRecord: rn, correctedRecord: cn, fields });
    }
    const inOrder = (m: Map<number, KeyedRecord>) =>
      [...m.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    const comparison: Comparison = {
      dataset: columns.dataSet,
      keys: columns.keys,
      records: { returned: this.returnedCheck.count, corrected: this.correctedCheck.count },
      changed: { count: changed.length, records: changed },
      added: { count: added.size, records: inOrder(added) },
      deleted: { count: deleted.size, records: inOrder(deleted) },
      unchanged: this.unchanged,
      changedFields: columns.fields.filter((_, f) => differing.has(f)),
      duplicateKeys: this.duplicateKeys(),
      notCompared: columns.notCompared,
    };
    const rowsOf = (side: 'r' | 'c', records: readonly number[]) =>
      records.map((n) => this.row(side, n));
    return {
      comparison,
      rows: {
        changed: changed.map((c) => ({
          row: this.row('c', c.correctedRecord),
          fields: c.fields.map((f) => f.field),
        })),
        added: rowsOf(
          'c',
          comparison.added.records.map((r) => r.record),
        ),
        deleted: rowsOf(
          'r',
          comparison.deleted.records.map((r) => r.record),
        ),
      },
    };
  }

  private row(side: 'r' | 'c', n: number): string[] {
    const row = (side === 'r' ? this.returnedRows : this.correctedRows).get(n);
    if (!row) throw new Error(`Record ${n} was not kept.`);
    return row;
  }

  private named(key: readonly string[]): Record<string, string> {
    return Object.fromEntries(this.columns.keys.map((k, i) => [k, key[i] ?? '']));
  }

  private noteDuplicate(
    side: Side,
    table: RecordTable,
    e: number,
    row: readonly string[],
    n: number,
  ): void {
    const seen = this.duplicates[side].get(e);
    if (seen) seen.records.push(n);
    else
      this.duplicates[side].set(e, {
        key: this.columns[side].keys.map((i) => row[i] ?? ''),
        records: [table.record(e), n],
      });
  }

  private duplicateKeys(): DuplicateKey[] {
    return (['returned', 'corrected'] as const).flatMap((extract) =>
      [...this.duplicates[extract].values()].map((d) => ({
        extract,
        key: this.named(d.key),
        records: d.records,
      })),
    );
  }
}

/**
 * A copy of a record that holds only its own text. A value read from an extract can be a slice of
 * the whole piece of text it was read from, and keeping it would keep that piece: one kept record
 * in each piece would keep the whole file in memory.
 */
function detached(row: readonly string[]): string[] {
  return JSON.parse(JSON.stringify(row)) as string[];
}

/** The whole records behind a comparison, in each extract's column order, to build files from. */
export interface ComparedRows {
  /** Changed records as corrected, with the fields that differ. */
  changed: { row: string[]; fields: string[] }[];
  /** Records only in the corrected extract. */
  added: string[][];
  /** Records only in the returned extract, as returned. */
  deleted: string[][];
}
