import { describe, expect, it } from 'vitest';
import type { StoredAmendmentFile } from '../../../shared/history/types';
import type { ExtractInfo } from '../../../renderer/screens/files/wizard/wizard-state';
import {
  START,
  isLocked,
  wizardReducer,
} from '../../../renderer/screens/files/wizard/wizard-state';
import type {
  WizardAction,
  WizardState,
} from '../../../renderer/screens/files/wizard/wizard-state';
import {
  blockedBy,
  changedOf,
  choicesOf,
  descriptionOf,
  keysOf,
  reachable,
  stepTitle,
  stepsOf,
} from '../../../renderer/screens/files/wizard/wizard-steps';
import {
  dataSetsFor,
  rowDataSet,
  rowFieldCodes,
} from '../../../renderer/screens/files/wizard/defaults';
import type { PreviewSummary } from '../../../renderer/screens/files/workers/extract-calls';
import { ADDITION_TYPES, KIND_EXPLAINED } from '../../../renderer/screens/files/wizard/explain';

const ROW = {
  planId: 1,
  ref: 2,
  upin: '105432',
  year: '2010-11',
  kind: 'CHANGE' as const,
  description: 'Start dates',
  fields: 'A27, A28',
  records: 4,
};

const EXTRACT: ExtractInfo = {
  header: ['A01', 'A03', 'A05', 'A27', 'NAME'],
  rows: 4,
  encoding: 'UTF-8',
  delimiter: ',',
  unevenRows: [],
  unevenCount: 0,
  sample: [],
  fileName: 'aims.csv',
  bytes: 100,
};

const run = (...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, START);
const chosen = (): WizardState =>
  run(
    { type: 'row', row: ROW, dataSet: 'A' },
    { type: 'loaded', dataSet: 'A', extract: EXTRACT, codes: ['A01', 'A03', 'A05', 'A27', ''] },
  );
const PREVIEW: PreviewSummary = { ok: false, problems: ['x'] };

describe('the wizard’s steps', () => {
  it('are the plan row, five steps per file and finalising', () => {
    const s = run({ type: 'row', row: ROW, dataSet: 'H' });
    expect(stepsOf(s).map((x) => `${x.id}${x.dataSet ?? ''}`)).toEqual([
      'row',
      'extractH',
      'columnsH',
      'recordsH',
      'fieldsH',
      'previewH',
      'finalise',
    ]);
  });

  it('make the whole addition set: T=3 is L, A and H; T=2 is A and H; T=1 is H', () => {
    const add = run({ type: 'row', row: { ...ROW, kind: 'ADD' } });
    expect(stepsOf(add)).toHaveLength(17);
    expect(dataSetsFor('ADD', 'A', 3)).toEqual(['L', 'A', 'H']);
    expect(dataSetsFor('ADD', 'L', 2)).toEqual(['A', 'H']);
    expect(dataSetsFor('ADD', 'L', 1)).toEqual(['H']);
    expect(dataSetsFor('DELETE', 'L', 1)).toEqual(['L']);
  });

  it('leave out the HE file of a T=3 or T=2 set whose aims are none of them HE, never a T=1 file', () => {
    expect(dataSetsFor('ADD', 'A', 3, false)).toEqual(['L', 'A']);
    expect(dataSetsFor('ADD', 'A', 2, false)).toEqual(['A']);
    expect(dataSetsFor('ADD', 'A', 1, false)).toEqual(['H']);
    expect(dataSetsFor('CHANGE', 'H', 2, false)).toEqual(['H']);
    const add = run(
      { type: 'row', row: { ...ROW, kind: 'ADD' } },
      { type: 'additionType', additionType: 2 },
      { type: 'withHe', withHe: false },
    );
    expect(stepsOf(add).map((x) => `${x.id}${x.dataSet ?? ''}`)).toEqual([
      'row',
      'extractA',
      'columnsA',
      'recordsA',
      'fieldsA',
      'previewA',
      'finalise',
    ]);
    expect(stepsOf(wizardReducer(add, { type: 'withHe', withHe: true }))).toHaveLength(12);
  });

  it('name each step in the users’ words, with the file it is for', () => {
    expect(stepTitle({ id: 'records', dataSet: 'A' })).toBe(
      'Choose the records – learning aim (A) file',
    );
    expect(stepTitle({ id: 'fields', dataSet: 'L' }, 'ADD')).toBe(
      'Fields and checksum – learner (L) file',
    );
  });

  it('say why Next is not yet possible, step by step', () => {
    expect(blockedBy(START, { id: 'row', dataSet: null })).toBe('Choose an approved plan row.');
    const s = run({ type: 'row', row: ROW, dataSet: 'A' });
    expect(blockedBy(s, { id: 'row', dataSet: null })).toBeNull();
    expect(blockedBy(s, { id: 'extract', dataSet: 'A' })).toBe(
      'Load the MIS extract for this file.',
    );
    const twice = wizardReducer(chosen(), { type: 'code', dataSet: 'A', column: 4, code: 'A27' });
    expect(blockedBy(twice, { id: 'columns', dataSet: 'A' })).toMatch(/^A27 is chosen for more/);
    const none = wizardReducer(chosen(), { type: 'changed', dataSet: 'A', changed: [] });
    expect(blockedBy(none, { id: 'fields', dataSet: 'A' })).toBe(
      'Choose the fields being changed.',
    );
    expect(blockedBy(chosen(), { id: 'preview', dataSet: 'A' })).toBe(
      'The preview is not ready yet.',
    );
  });

  it('may be visited up to the first one not yet complete', () => {
    expect(reachable(START)).toBe(0);
    expect(reachable(run({ type: 'row', row: ROW, dataSet: 'A' }))).toBe(1);
    expect(reachable(chosen())).toBe(5);
  });
});

describe('the wizard’s state', () => {
  it('chooses every record of a new extract and suggests the keys and changed fields', () => {
    const s = chosen();
    expect(s.parts.A.selection?.count).toBe(4);
    expect(keysOf(s, 'A')).toEqual(['A01', 'A03', 'A05']);
    // The row names A27 and A28; the extract has only A27.
    expect(changedOf(s, 'A')).toEqual(['A27']);
    expect(choicesOf(s, 'A')).toEqual({
      kind: 'CHANGE',
      dataSet: 'A',
      additionType: undefined,
      keys: ['A01', 'A03', 'A05'],
      changed: ['A27'],
      checksum: 'auto',
    });
  });

  it('gives an addition no keys or changed fields', () => {
    const s = run({ type: 'row', row: { ...ROW, kind: 'ADD' } });
    expect(choicesOf(s, 'L')).toMatchObject({
      kind: 'ADD',
      additionType: 3,
      keys: [],
      changed: [],
    });
  });

  it('drops a chosen key whose column is no longer mapped', () => {
    let s = wizardReducer(chosen(), { type: 'keys', dataSet: 'A', keys: ['A01', 'A05'] });
    s = wizardReducer(s, { type: 'code', dataSet: 'A', column: 2, code: '' });
    expect(keysOf(s, 'A')).toEqual(['A01']);
  });

  it('clears a file’s preview when anything it depends on changes, but not for a filter', () => {
    const withPreview = wizardReducer(chosen(), {
      type: 'preview',
      dataSet: 'A',
      preview: PREVIEW,
    });
    expect(
      wizardReducer(withPreview, { type: 'filter', dataSet: 'A', filter: 'x' }).parts.A.preview,
    ).toBe(PREVIEW);
    for (const a of [
      { type: 'checksum', dataSet: 'A', checksum: 'A05' },
      { type: 'code', dataSet: 'A', column: 0, code: '' },
      { type: 'description', text: 'New words' },
      { type: 'note', index: 1, text: 'n' },
    ] as WizardAction[]) {
      expect(wizardReducer(withPreview, a).parts.A.preview).toBeNull();
    }
  });

  it('writes the plan reference into line 3 when the description lacks it', () => {
    expect(descriptionOf(chosen())).toBe('Start dates - reference number 2');
    const own = wizardReducer(chosen(), {
      type: 'description',
      text: 'Dates - reference number 2',
    });
    expect(descriptionOf(own)).toBe('Dates - reference number 2');
  });

  it('keeps everything entered when going back and forth', () => {
    const s = wizardReducer(wizardReducer(chosen(), { type: 'go', step: 4 }), {
      type: 'go',
      step: 1,
    });
    expect(s.parts.A.extract).toBe(EXTRACT);
    expect(s.step).toBe(1);
  });

  it('keeps the extract but forgets the changed fields when another row is chosen', () => {
    let s = wizardReducer(chosen(), { type: 'changed', dataSet: 'A', changed: ['A27'] });
    s = wizardReducer(s, { type: 'row', row: { ...ROW, ref: 3, fields: 'A05' } });
    expect(s.parts.A.extract).toBe(EXTRACT);
    expect(s.parts.A.changed).toBeNull();
  });

  it('keeps what was entered for the HE file while it is left out, and brings it back', () => {
    const withH = run(
      { type: 'row', row: { ...ROW, kind: 'ADD' } },
      { type: 'additionType', additionType: 2 },
      { type: 'loaded', dataSet: 'H', extract: EXTRACT, codes: ['H01', '', '', '', ''] },
    );
    const without = wizardReducer(withH, { type: 'withHe', withHe: false });
    expect(without.parts.H.extract).toBe(EXTRACT);
    const back = wizardReducer(without, { type: 'withHe', withHe: true });
    expect(back.parts.H).toBe(withH.parts.H);
    expect(stepsOf(back).some((x) => x.dataSet === 'H')).toBe(true);
  });

  it('does not let the HE file be left out or brought back once a file of the set is finalised', () => {
    const file = { name: 'add105432A201.amd', seq: 1 } as StoredAmendmentFile;
    const s = run(
      { type: 'row', row: { ...ROW, kind: 'ADD' } },
      { type: 'additionType', additionType: 2 },
      { type: 'finalised', dataSet: 'A', file },
    );
    expect(wizardReducer(s, { type: 'withHe', withHe: false })).toBe(s);
  });

  it('locks the choices once a file is finalised, until started again', () => {
    const file = { name: 'chg105432A01.amd' } as StoredAmendmentFile;
    const s = wizardReducer(chosen(), { type: 'finalised', dataSet: 'A', file });
    expect(isLocked(s)).toBe(true);
    expect(wizardReducer(s, { type: 'unload', dataSet: 'A' })).toBe(s);
    expect(wizardReducer(s, { type: 'reset' })).toBe(START);
  });
});

describe('the wizard’s explanations', () => {
  it('let a deletion file carry more than its keys and checksum, and say one file cascades', () => {
    expect(KIND_EXPLAINED.DELETE).not.toMatch(/only the key/);
    expect(KIND_EXPLAINED.DELETE).toContain('A01, A03, A04, A05, A48, A11');
    expect(KIND_EXPLAINED.DELETE).toContain(
      'deleting a learner also removes their learning aims and HE data',
    );
  });

  it('say a T=3 or T=2 set has an HE file only when some aims are HE', () => {
    const [t3, t2] = ADDITION_TYPES;
    expect(t3?.detail).toMatch(/when any of their aims is HE, an HE \(H\) file/);
    expect(t2?.detail).toMatch(/when any of the aims is HE, an HE \(H\) file/);
  });
});

describe('plan row fields', () => {
  it('read as ILR codes, whatever the separators and case', () => {
    expect(rowFieldCodes('a27, A28;L42A')).toEqual(['A27', 'A28', 'L42a']);
    expect(rowFieldCodes('All fields')).toEqual([]);
  });

  it('suggest the data set when they all belong to one', () => {
    expect(rowDataSet('A27,A28')).toBe('A');
    expect(rowDataSet('A27,L12')).toBeUndefined();
    expect(rowDataSet('All fields')).toBeUndefined();
  });
});
