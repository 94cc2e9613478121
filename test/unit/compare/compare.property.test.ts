// Whatever two extracts hold (columns in another order, a column in one only, keys repeated,
// values that differ only as text), the streamed comparison says what a naive diff of the whole
// records in memory says: the same changed records with the same fields, the same added, deleted
// and unchanged records, and the same duplicate keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTables } from './support';
import type { Table } from './support';

const KEYS = ['A01', 'A03', 'A05', 'A48a', 'A48b'];
const FIELDS = ['A10', 'A27', 'A28'];
const VALUES = ['', '1', '01', 'a,b', 'q"x', ' 1'];

const field = fc.constantFrom(...VALUES);
const record = fc.record({
  key: fc.tuple(
    fc.constant('105432'),
    fc.constantFrom('1', '2', '01', 'L3'),
    fc.constantFrom('01', '1', '02'),
    fc.constantFrom('', 'X'),
    fc.constantFrom('', 'Y'),
  ),
  fields: fc.array(field, { minLength: 3, maxLength: 3 }),
});
type Rec = { key: string[]; fields: string[] };

/** Corrected records: some kept, some with a field changed, some dropped, some new. */
const pairs = fc.array(record, { maxLength: 25 }).chain((returned) =>
  fc.record({
    returned: fc.constant(returned),
    corrected: fc
      .tuple(
        fc.array(fc.constantFrom('keep', 'change', 'drop'), {
          minLength: returned.length,
          maxLength: returned.length,
        }),
        fc.array(fc.nat({ max: 2 }), { minLength: returned.length, maxLength: returned.length }),
        fc.array(field, { minLength: returned.length, maxLength: returned.length }),
        fc.array(record, { maxLength: 6 }),
      )
      .map(([what, which, to, extra]) => [
        ...returned.flatMap((r, i): Rec[] => {
          if (what[i] === 'drop') return [];
          if (what[i] === 'keep') return [r];
          const fields = [...r.fields];
          fields[which[i] ?? 0] = to[i] ?? '';
          return [{ key: r.key, fields }];
        }),
        ...extra,
      ]),
    // The corrected extract's columns in another order, with a column only it has.
    reorder: fc.boolean(),
  }),
);

function table(records: Rec[], columns: string[]): Table {
  const all = [...KEYS, ...FIELDS];
  return {
    header: columns,
    rows: records.map((r) => {
      const values = [...r.key, ...r.fields];
      return columns.map((c) => (c === 'Name' ? 'someone' : (values[all.indexOf(c)] ?? '')));
    }),
  };
}

function naive(returned: Rec[], corrected: Rec[]) {
  const byKey = (rs: Rec[]) => {
    const m = new Map<string, { rec: Rec; n: number }[]>();
    rs.forEach((rec, i) => {
      const k = JSON.stringify(rec.key);
      m.set(k, [...(m.get(k) ?? []), { rec, n: i + 1 }]);
    });
    return m;
  };
  const [r, c] = [byKey(returned), byKey(corrected)];
  const dup = (k: string) => (r.get(k)?.length ?? 0) > 1 || (c.get(k)?.length ?? 0) > 1;
  const changed: { record: number; fields: string[] }[] = [];
  const added: number[] = [];
  const deleted: number[] = [];
  let unchanged = 0;
  for (const [k, [first]] of c) {
    if (!first || dup(k)) continue;
    const old = r.get(k)?.[0];
    if (!old) added.push(first.n);
    else {
      const fields = FIELDS.filter((_, i) => old.rec.fields[i] !== first.rec.fields[i]);
      if (fields.length === 0) unchanged++;
      else changed.push({ record: first.n, fields });
    }
  }
  for (const [k, [first]] of r) if (first && !dup(k) && !c.has(k)) deleted.push(first.n);
  const duplicates = [...r.entries(), ...c.entries()]
    .filter(([, v]) => v.length > 1)
    .map(([, v]) => v.map((x) => x.n));
  return {
    changed,
    added: added.sort((a, b) => a - b),
    deleted: deleted.sort((a, b) => a - b),
    unchanged,
    duplicates,
  };
}

describe('comparing two extracts', () => {
  it('finds what a naive diff of the whole records finds', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async ({ returned, corrected, reorder }) => {
        const columns = [...KEYS, ...FIELDS];
        const correctedColumns = reorder ? ['Name', ...[...columns].reverse()] : columns;
        const { comparison: got } = await compareTables(
          'A',
          table(returned, columns),
          table(corrected, correctedColumns),
        );
        const want = naive(returned, corrected);
        expect(
          got.changed.records.map((c) => ({
            record: c.correctedRecord,
            fields: c.fields.map((f) => f.field).sort(),
          })),
        ).toEqual(want.changed.map((c) => ({ ...c, fields: [...c.fields].sort() })));
        expect(got.added.records.map((a) => a.record)).toEqual(want.added);
        expect(got.deleted.records.map((d) => d.record)).toEqual(want.deleted);
        expect(got.unchanged).toBe(want.unchanged);
        expect(got.duplicateKeys.map((d) => d.records).sort()).toEqual(want.duplicates.sort());
        const order = correctedColumns.filter((c) => FIELDS.includes(c));
        const differing = new Set(want.changed.flatMap((c) => c.fields));
        expect(got.changedFields).toEqual(order.filter((f) => differing.has(f)));
        expect(got.notCompared.corrected).toEqual(reorder ? ['Name'] : []);
      }),
      { numRuns: 150 },
    );
  });
});
