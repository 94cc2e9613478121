// The records step compared with the data as returned: what it shows of the comparison (counts,
// old → new values, duplicate keys that stop the step), which records of the loaded extract it
// shows chosen for each kind of file, and the column mapping handed to main.
import { describe, expect, it } from 'vitest';
import type { ComparedExtracts } from '../../../shared/ipc/files';
import { comparedView } from '../../../electron/operations/compare-pair';
import {
  columnsOf,
  comparisonView,
  countsText,
  fileFromComparison,
  rowsForFile,
} from '../../../renderer/screens/files/wizard/comparison-view';
import { START, wizardReducer } from '../../../renderer/screens/files/wizard/wizard-state';
import type {
  ExtractInfo,
  WizardAction,
  WizardState,
} from '../../../renderer/screens/files/wizard/wizard-state';
import { blockedBy } from '../../../renderer/screens/files/wizard/wizard-steps';
import { selectAll, setRows } from '../../../renderer/screens/files/wizard/selection';
import { CORRECTED_CSV, RETURNED_CSV } from '../../support/compare-pair';
import { compareTables } from '../compare/support';

const compared = async (dupes: boolean): Promise<ComparedExtracts> => {
  const drop = (csv: string) =>
    dupes
      ? csv
      : csv
          .split('\r\n')
          .filter((l) => !/00000000000[58]/.test(l))
          .join('\r\n');
  return comparedView(await compareTables('A', drop(RETURNED_CSV), drop(CORRECTED_CSV)));
};

describe('the comparison as the records step shows it', () => {
  it('counts the groups and shows each differing value as returned → corrected', async () => {
    const v = comparisonView(await compared(false));
    expect(countsText(v)).toBe(
      'returned.csv (as returned) and corrected.csv (corrected): 3 changed, 1 added, 1 deleted, 1 unchanged.',
    );
    const key = (n: number) => `A01=012345 A03=00000000000${n} A05=01 A48a="" A48b=""`;
    expect(v.changed).toEqual([
      { key: key(2), fields: [{ field: 'A27', old: '01092010', new: '15092010' }] },
      {
        key: key(3),
        fields: [
          { field: 'A09', old: '60012345', new: '50087876' },
          { field: 'A11a', old: '105', new: '107' },
        ],
      },
      { key: key(6), fields: [{ field: 'A27', old: '1092010', new: '01092010' }] },
    ]);
    expect(v.added).toEqual([key(7)]);
    expect(v.deleted).toEqual([key(4)]);
    expect(v.duplicates).toBeNull();
    expect(v.notCompared).toEqual(['MIS_NAME']);
    expect(fileFromComparison('CHANGE', v)).toEqual({
      ok: true,
      text: 'The change file will hold the 3 changed records, with A27, A09, A11a as the fields being changed.',
    });
    expect(fileFromComparison('DELETE', v).text).toBe(
      'The deletion file will hold the 1 deleted record, taken from the data as returned.',
    );
  });

  it('shows at most the first records of a group, the counts saying how many in all', async () => {
    const v = comparisonView(await compared(false), 2);
    expect(v.changed).toHaveLength(2);
    expect(v.counts.changed).toBe(3);
  });

  it('names the keys on more than one record, which stop the step', async () => {
    const v = comparisonView(await compared(true));
    const file = fileFromComparison('ADD', v);
    expect(file.ok).toBe(false);
    expect(file.text).toBe(
      `2 keys are on more than one record, so those records cannot be matched: A01=012345 A03=000000000005 A05=01 A48a=HNC A48b="" (records 5, 6 of the data as returned); A01=012345 A03=000000000008 A05=01 A48a="" A48b="" (records 7, 8 of the corrected extract). Make each record's key unique, or match on more fields.`,
    );
  });

  it('chooses the changed records for a change, the added for an addition, none for a deletion', async () => {
    const c = await compared(false);
    // Corrected records (from 1): 1 Ann, 2 Bob, 3 Cat, 4 Fay, 5 Gus.
    expect(rowsForFile('CHANGE', c)).toEqual([1, 2, 3]);
    expect(rowsForFile('ADD', c)).toEqual([4]);
    expect(rowsForFile('DELETE', c)).toEqual([]);
  });

  it('hands main the column mapping, the columns not used marked so', () => {
    expect(columnsOf(['Provider ', 'A03', 'Name', 'A27'], ['A01', 'A03', '', ''])).toEqual({
      Provider: 'A01',
      A03: 'A03',
      Name: '',
      A27: '',
    });
  });
});

describe('the wizard compared with the data as returned', () => {
  const EXTRACT: ExtractInfo = {
    header: ['A01', 'A03', 'A05', 'A27'],
    rows: 3,
    encoding: 'UTF-8',
    delimiter: ',',
    unevenRows: [],
    unevenCount: 0,
    sample: [],
    fileName: 'corrected.csv',
    bytes: 100,
  };
  const row = {
    planId: 1,
    ref: 1,
    upin: '012345',
    year: '2010-11',
    kind: 'CHANGE' as const,
    description: 'Start dates',
    fields: 'A27',
    records: 3,
  };
  const run = (...a: WizardAction[]): WizardState => a.reduce(wizardReducer, START);
  const loaded: WizardAction[] = [
    { type: 'row', row, dataSet: 'A' },
    { type: 'loaded', dataSet: 'A', extract: EXTRACT, codes: ['A01', 'A03', 'A05', 'A27'] },
  ];
  const comparedWith = async (dupes: boolean): Promise<WizardAction> => ({
    type: 'compared',
    dataSet: 'A',
    returned: {
      fileName: 'returned.csv',
      bytes: 10,
      keys: ['A01', 'A03'],
      view: comparisonView(await compared(dupes)),
    },
    selection: setRows(setRows(selectAll(3), false), true, [1]),
    changed: ['A27', 'A09'],
  });
  const records = { id: 'records' as const, dataSet: 'A' as const };

  it('takes the comparison’s records and changed fields; leaving it chooses every record again', async () => {
    const s = run(...loaded, await comparedWith(false));
    expect(s.parts.A.selection?.count).toBe(1);
    expect(s.parts.A.changed).toEqual(['A27', 'A09']);
    expect(blockedBy(s, records)).toBeNull();
    const left = wizardReducer(s, { type: 'uncompared', dataSet: 'A' });
    expect(left.parts.A.returned).toBeNull();
    expect(left.parts.A.selection?.count).toBe(3);
    // Another column match is another comparison.
    const remapped = wizardReducer(s, { type: 'code', dataSet: 'A', column: 3, code: '' });
    expect(remapped.parts.A.returned).toBeNull();
  });

  it('stops at the records step while keys are on more than one record', async () => {
    const s = run(...loaded, await comparedWith(true));
    expect(blockedBy(s, records)).toMatch(/^2 keys are on more than one record/);
  });
});
