import { describe, expect, it } from 'vitest';
import type { ActionPlan, PlanRow, Provider } from '../../../shared/history/types';
import { inputs } from '../../../shared/ipc/contract';
import { isIsoDate } from '../../../shared/domain';
import {
  actionBlocked,
  availableActions,
  buildFileHref,
  canBuildFiles,
  canEditRows,
  errorTypes,
  latestVersion,
  plansByProvider,
  versionChain,
} from '../../../renderer/screens/plans/plan-model';
import {
  EMPTY_IMPORT,
  EMPTY_PLAN,
  EMPTY_ROW,
  importErrors,
  planErrors,
  rowErrors,
  rowInput,
  rowValues,
  splitFields,
} from '../../../renderer/screens/plans/plan-forms';

const row = (over: Partial<PlanRow> = {}): PlanRow => ({
  id: 1,
  planId: 1,
  ref: 1,
  description: 'Learning start dates returned as the enrolment date',
  kind: 'CHANGE',
  fields: 'A27',
  records: 3,
  due: '2011-03-31',
  errorType: null,
  cause: null,
  ...over,
});

const plan = (over: Partial<ActionPlan> = {}): ActionPlan => ({
  id: 1,
  providerId: 1,
  upin: '105432',
  year: '2010-11',
  title: 'Aims',
  variant: 'general',
  version: 1,
  revisesId: null,
  revisedById: null,
  status: 'draft',
  statusNote: null,
  createdAt: '2011-03-01T10:00:00Z',
  statusChangedAt: '2011-03-01T10:00:00Z',
  steps: [],
  rows: [row()],
  ...over,
});

describe('the plan lifecycle buttons', () => {
  it('offer only what the plan’s status allows', () => {
    expect(availableActions(plan({ status: 'draft' }))).toEqual(['submit']);
    expect(availableActions(plan({ status: 'submitted' }))).toEqual(['approve', 'return']);
    expect(availableActions(plan({ status: 'returned' }))).toEqual(['revise']);
    expect(availableActions(plan({ status: 'approved' }))).toEqual(['revise']);
  });

  it('offer nothing on a version that has been revised: it is kept as it was', () => {
    expect(availableActions(plan({ status: 'returned', revisedById: 2 }))).toEqual([]);
  });

  it('say why a plan without rows cannot be submitted yet', () => {
    expect(actionBlocked(plan({ rows: [] }), 'submit')).toMatch(/at least one area of difference/);
    expect(actionBlocked(plan(), 'submit')).toBeNull();
  });

  it('allow rows to change only in a draft, and files only against the current approved plan', () => {
    expect(canEditRows(plan({ status: 'draft' }))).toBe(true);
    expect(canEditRows(plan({ status: 'submitted' }))).toBe(false);
    expect(canBuildFiles(plan({ status: 'approved' }))).toBe(true);
    expect(canBuildFiles(plan({ status: 'approved', revisedById: 3 }))).toBe(false);
    expect(canBuildFiles(plan({ status: 'draft' }))).toBe(false);
  });

  it('send "Build a file for this row" to the wizard with the plan and row', () => {
    expect(buildFileHref(4, 2)).toBe('#/files/new?plan=4&ref=2');
  });
});

describe('plan versions', () => {
  const v1 = plan({ id: 1, version: 1, status: 'returned', revisedById: 3 });
  const v2 = plan({ id: 3, version: 2, status: 'approved', revisesId: 1, revisedById: 7 });
  const v3 = plan({ id: 7, version: 3, status: 'draft', revisesId: 3 });
  const other = plan({ id: 2, title: 'Another plan' });

  it('are linked oldest first from any version, leaving other plans out', () => {
    for (const from of [v1, v2, v3]) {
      expect(versionChain(from, [v3, other, v1, v2]).map((p) => p.id)).toEqual([1, 3, 7]);
    }
    expect(latestVersion(v1, [v1, v2, v3]).id).toBe(7);
  });

  it('stop at a missing link rather than loop', () => {
    const looped = plan({ id: 5, revisesId: 5, revisedById: 5 });
    expect(versionChain(looped, [looped]).map((p) => p.id)).toEqual([5]);
    expect(versionChain(v2, []).map((p) => p.id)).toEqual([3]);
  });
});

describe('plans per provider', () => {
  const providers: Provider[] = [
    { id: 1, upin: '105432', ukprn: null, name: 'Riverside', createdAt: '' },
    { id: 2, upin: '012345', ukprn: null, name: 'Hillside', createdAt: '' },
  ];

  it('groups each provider’s plans, newest first, and keeps providers without plans', () => {
    const groups = plansByProvider(providers, [plan({ id: 1 }), plan({ id: 4 })]);
    expect(groups.map((g) => [g.provider.upin, g.plans.map((p) => p.id)])).toEqual([
      ['105432', [4, 1]],
      ['012345', []],
    ]);
  });

  it('still shows a plan whose provider is not listed', () => {
    const groups = plansByProvider([], [plan({ upin: '999999' })]);
    expect(groups[0]?.provider.name).toBe('Provider 999999');
  });
});

describe('the HEIFES variant', () => {
  it('offers HEFCE’s error types for the plan’s year and the two before it', () => {
    expect(errorTypes('2010-11')).toEqual([
      '2010-11 ILR',
      '2009-10 ILR',
      '2008-09 ILR',
      'HEIFES',
      'HEFCE',
      'LAD',
    ]);
    expect(errorTypes('1999-00')[1]).toBe('1998-99 ILR');
  });
});

describe('the plan form', () => {
  it('says what is missing in the users’ words', () => {
    expect(planErrors(EMPTY_PLAN)).toEqual({
      upin: 'Choose the provider.',
      year: 'Write the ILR year like 2010-11.',
      title: 'Give the plan a title.',
    });
  });

  it('refuses a year whose two halves do not follow on', () => {
    const e = planErrors({ upin: '105432', year: '2010-12', title: 'A', variant: 'general' });
    expect(e).toEqual({ year: expect.stringMatching(/^2010-12 is not an ILR year/) });
    expect(planErrors({ upin: '105432', year: '2010-11', title: 'A', variant: 'heifes' })).toEqual(
      {},
    );
  });

  it('asks for an .xlsx workbook to import', () => {
    const base = { ...EMPTY_IMPORT, upin: '105432', year: '2010-11' };
    expect(importErrors(base).fileName).toMatch(/Choose the .xlsx file/);
    expect(importErrors({ ...base, fileName: 'plan.csv' }).fileName).toMatch(/not an Excel/);
    expect(importErrors({ ...base, fileName: 'Plan.XLSX' })).toEqual({});
  });
});

describe('the row form', () => {
  const filled = {
    ...EMPTY_ROW,
    description: 'Highest qualification on entry returned as not known',
    fields: 'H14, H15',
    records: '12',
    // As typed in England; the contract keeps YYYY-MM-DD.
    due: '30/04/2011',
  };

  it('becomes the input the journey schema accepts', () => {
    const input = rowInput(filled, 'general');
    expect(input).toEqual({
      kind: 'CHANGE',
      description: filled.description,
      fields: ['H14', 'H15'],
      records: 12,
      due: '2011-04-30',
      errorType: null,
      cause: null,
    });
    expect(inputs['plans.addRow'].safeParse({ planId: 1, row: input }).success).toBe(true);
    expect(rowErrors(filled, 'general')).toEqual({});
  });

  it('covers "All fields" for additions and deletions, whatever was typed', () => {
    expect(rowInput({ ...filled, kind: 'ADD' }, 'general').fields).toBe('all');
    expect(rowErrors({ ...filled, kind: 'DELETE', fields: 'nonsense' }, 'general')).toEqual({});
  });

  it('says what each empty field needs', () => {
    expect(rowErrors(EMPTY_ROW, 'general')).toEqual({
      description: 'Describe the area of difference.',
      fields: 'Name the fields to be changed.',
      records: 'Give the number of records.',
      due: 'Give the date the amended data will be submitted.',
    });
  });

  it('refuses records that are not a whole number, impossible dates and unknown field codes', () => {
    const e = rowErrors(
      { ...filled, records: '2.5', due: '2011-02-30', fields: 'H14, HEFLEVEL' },
      'general',
    );
    expect(e.records).toMatch(/whole number/);
    expect(e.due).toBe('2011-02-30 is not a real date: write it dd/mm/yyyy, e.g. 31/03/2011.');
    expect(rowErrors({ ...filled, due: '30/02/2011' }, 'general').due).toMatch(
      /^30\/02\/2011 is not a real date/,
    );
    // 04/03/2011 is the 4th of March, never the 3rd of April.
    expect(rowInput({ ...filled, due: '04/03/2011' }, 'general').due).toBe('2011-03-04');
    expect(rowValues(row({ due: '2011-03-04' })).due).toBe('04/03/2011');
    expect(e.fields).toBe('Use ILR field codes such as A27 or L42a (not HEFLEVEL).');
  });

  it('keeps the error type and cause only in the HEIFES variant', () => {
    const v = { ...filled, errorType: 'HEFCE', cause: ' Algorithm fit ' };
    expect(rowInput(v, 'heifes')).toMatchObject({ errorType: 'HEFCE', cause: 'Algorithm fit' });
    expect(rowInput(v, 'general')).toMatchObject({ errorType: null, cause: null });
  });

  it('starts an edit from the stored row', () => {
    expect(rowValues(row({ kind: 'DELETE', fields: 'All fields', records: 2 }))).toMatchObject({
      kind: 'DELETE',
      fields: '',
      records: '2',
    });
    expect(rowValues(row()).fields).toBe('A27');
  });

  it('reads field lists however they are separated', () => {
    expect(splitFields(' H14,H15 ; A27  L42a ')).toEqual(['H14', 'H15', 'A27', 'L42a']);
    expect(isIsoDate('2012-02-29')).toBe(true);
    expect(isIsoDate('2011-02-29')).toBe(false);
  });
});
