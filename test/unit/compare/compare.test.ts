// The comparison of a known pair of extracts, and what stops a comparison.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CompareError } from '../../../shared/compare';
import { CORRECTED_CSV, EXPECTED, RETURNED_CSV } from '../../support/compare-pair';
import { compareTables } from './support';

describe('comparing a returned and a corrected extract', () => {
  it('reports exactly the changed, added, deleted and unchanged records and the duplicate keys', async () => {
    const { comparison: c, extracts } = await compareTables('A', RETURNED_CSV, CORRECTED_CSV);
    expect(c.keys).toEqual(['A01', 'A03', 'A05', 'A48a', 'A48b']);
    expect(c.records).toEqual(EXPECTED.records);
    expect(c.changed.count).toBe(3);
    expect(c.changed.records.map(({ key, fields }) => ({ key, fields }))).toEqual(EXPECTED.changed);
    expect(c.added.records.map((r) => r.key)).toEqual(EXPECTED.added);
    expect(c.deleted.records.map((r) => r.key)).toEqual(EXPECTED.deleted);
    expect(c.unchanged).toBe(EXPECTED.unchanged);
    expect(c.changedFields).toEqual(EXPECTED.changedFields);
    expect(c.duplicateKeys).toEqual(EXPECTED.duplicateKeys);
    expect(c.notCompared).toEqual({ returned: [], corrected: ['MIS_NAME'] });
    expect(extracts.returned.name).toBe('returned.csv');
    expect(extracts.returned.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(extracts.corrected.sha256).not.toBe(extracts.returned.sha256);
  });

  it("takes the guide's short forms L42 and A48 as both their occurrences, in any case", async () => {
    const returned = 'L01,L03,L42A,L42B,L05\r\n012345,1,x,,2\r\n012345,1,y,,2\r\n';
    const corrected = 'L01,L03,L42a,L42b,L05\r\n012345,1,x,,3\r\n012345,1,y,,2\r\n';
    const { comparison: c } = await compareTables('L', returned, corrected, ['l01', 'L03', 'L42']);
    expect(c.keys).toEqual(['L01', 'L03', 'L42a', 'L42b']);
    expect(c.changed.records.map((r) => r.key.L42a)).toEqual(['x']);
    expect(c.unchanged).toBe(1);
  });

  it('reads a Windows-1252 extract against a UTF-8 one by the same rule', async () => {
    const header = 'H01,H03,H05,H09,H10\r\n';
    const returned = iconv.encode(`${header}012345,1,1,1,Café\r\n`, 'win1252');
    const { comparison: c } = await compareTables('H', returned, `${header}012345,1,1,1,Cafe\r\n`);
    expect(c.changed.records[0]?.fields).toEqual([{ field: 'H10', old: 'Café', new: 'Cafe' }]);
  });

  it.each([
    [
      'a key column missing',
      'A01,A03,A05\r\n1,2,3\r\n',
      /returned extract has no column A48a, A48b/,
    ],
    [
      'a compared column twice',
      'A01,A03,A05,A48a,A48b,A27,A27\r\n1,2,3,,,x,y\r\n',
      /more than one A27 column/,
    ],
    [
      'a record of the wrong width',
      'A01,A03,A05,A48a,A48b,A27\r\n1,2,3,,\r\n',
      /Record 1 of the returned extract has 5 values but its header row has 6/,
    ],
    ['an empty file', '', /returned extract is empty/],
    [
      'a quote never closed',
      'A01,A03,A05,A48a,A48b,A27\r\n1,2,3,,,"x\r\n',
      /^returned\.csv: line 2 has a quote that is never closed/,
    ],
  ])('refuses %s in one line', async (_, returned, message) => {
    const corrected = 'A01,A03,A05,A48a,A48b,A27\r\n1,2,3,,,x\r\n';
    const run = compareTables('A', returned, corrected);
    await expect(run).rejects.toThrow(CompareError);
    await expect(run).rejects.toThrow(message);
  });
});
