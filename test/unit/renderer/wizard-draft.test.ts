// The wizard's state as a draft: everything the user chose comes back, the record selection bit for
// bit, previews left to be made again; a draft this wizard cannot read is refused, not guessed at.
import { describe, expect, it } from 'vitest';
import {
  decodeDraft,
  draftKeyOf,
  encodeDraft,
} from '../../../renderer/screens/files/wizard/draft-codec';
import { START, wizardReducer } from '../../../renderer/screens/files/wizard/wizard-state';
import type { WizardState } from '../../../renderer/screens/files/wizard/wizard-state';
import { toggleRow } from '../../../renderer/screens/files/wizard/selection';

const ROW = {
  planId: 3,
  ref: 1,
  upin: '105432',
  year: '2010-11',
  kind: 'CHANGE' as const,
  description: 'Learning start dates corrected',
  fields: 'A27',
  records: 3,
};

function worked(): WizardState {
  let s = wizardReducer(START, { type: 'row', row: ROW, dataSet: 'A' });
  s = wizardReducer(s, { type: 'note', index: 1, text: 'Second note' });
  s = wizardReducer(s, {
    type: 'loaded',
    dataSet: 'A',
    extract: {
      header: ['A01', 'A03', 'A05', 'A27'],
      rows: 11,
      encoding: 'UTF-8',
      delimiter: ',',
      unevenRows: [],
      unevenCount: 0,
      sample: [],
      fileName: 'aims.csv',
      bytes: 400,
    },
    codes: ['A01', 'A03', 'A05', 'A27'],
  });
  const sel = s.parts.A.selection;
  if (!sel) throw new Error('no selection');
  s = wizardReducer(s, { type: 'selection', dataSet: 'A', selection: toggleRow(sel, 9) });
  s = wizardReducer(s, { type: 'checksum', dataSet: 'A', checksum: 'A05' });
  return wizardReducer(s, { type: 'go', step: 4 });
}

describe('the wizard draft', () => {
  it('brings back the row, notes, mapping, selection and choices', () => {
    const s = worked();
    const back = decodeDraft(encodeDraft(s));
    expect(back).not.toBeNull();
    expect(back?.row).toEqual(ROW);
    expect(back?.notes).toEqual(['', 'Second note']);
    expect(back?.step).toBe(4);
    expect(back?.parts.A.codes).toEqual(['A01', 'A03', 'A05', 'A27']);
    expect(back?.parts.A.checksum).toBe('A05');
    expect(back?.parts.A.selection?.count).toBe(10);
    expect(Array.from(back?.parts.A.selection?.bits ?? [])).toEqual(
      Array.from(s.parts.A.selection?.bits ?? []),
    );
    expect(back?.parts.A.preview).toBeNull();
    expect(draftKeyOf(ROW)).toBe('3:1');
  });

  it('refuses what it cannot read', () => {
    expect(decodeDraft('null')).toBeNull();
    expect(decodeDraft('{')).toBeNull();
    expect(decodeDraft(JSON.stringify({ version: 99, row: ROW, parts: {} }))).toBeNull();
  });
});
