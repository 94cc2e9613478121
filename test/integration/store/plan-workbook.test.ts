// Action plans to and from HEFCE's Excel template: a round trip loses nothing, through the
// workbook module and through `returndesk plan export` / `plan import`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/store';
import type { NewPlanRow } from '../../../electron/store/plans';
import type { ActionPlan, PlanRow, PlanVariant } from '../../../shared/history/types';
import {
  HEIFES_COLUMNS,
  PLAN_COLUMNS,
  readPlanWorkbook,
  writePlanWorkbook,
} from '../../../electron/files/plan-workbook';
import { useHistories } from './support/folders';
import { addProvider } from './support/history';
import { expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-xlsx-');

const ROWS: readonly NewPlanRow[] = [
  {
    kind: 'CHANGE',
    description: 'Start dates (A27), end dates "A28" and funding, for the Café course',
    fields: ['A27', 'A28', 'A11a'],
    records: 1234,
    due: '2012-02-29',
  },
  {
    kind: 'DELETE',
    description: "Aims keyed twice by Zoë O'Brien's team; see ‘note 3’ – £0 impact",
    fields: 'all',
    records: 0,
    due: '2011-12-31',
  },
  {
    kind: 'ADD',
    description: '=SUM(A1:A2) learners, naïve entry; ünïcödé, 2011',
    fields: 'all',
    records: 7,
    due: '2011-01-01',
  },
  {
    kind: 'CHANGE',
    description: '2011',
    fields: ['L01'],
    records: 99999,
    due: '2099-12-31',
  },
];

const HEIFES_EXTRA = [
  { errorType: 'Data entry, keying', cause: 'Wrong "mode" chosen – fixed' },
  { errorType: 'Système', cause: 'Export ran twice' },
  { errorType: null, cause: null },
  { errorType: 'Other', cause: 'Ünknown, under review' },
];

function planWith(store: Store, upin: string, variant: PlanVariant): ActionPlan {
  addProvider(store, upin);
  const plan = store.plans.create({
    upin,
    year: '2010-11',
    title: 'Corrections, "R14" – Café',
    variant,
  });
  ROWS.forEach((r, i) =>
    store.plans.addRow(plan.id, variant === 'heifes' ? { ...r, ...HEIFES_EXTRA[i] } : r),
  );
  return store.plans.get(plan.id);
}

/** A stored row without its database identity. */
const content = ({ id: _id, planId: _planId, ...r }: PlanRow) => r;

describe.each(['general', 'heifes'] as const)('the %s action plan workbook', (variant) => {
  it('reads back the rows, title, provider and year exactly as written', async () => {
    const store = histories.open();
    const plan = planWith(store, '012345', variant);
    const path = join(histories.folder(), 'plan.xlsx');
    await writePlanWorkbook(plan, path);
    const wb = await readPlanWorkbook(path);
    expect(wb).toMatchObject({
      title: plan.title,
      variant,
      upin: '012345',
      year: '2010-11',
    });
    expect(
      wb.rows.map((r) => ({
        ...r,
        fields: r.fields === 'all' ? 'All fields' : r.fields.join(', '),
      })),
    ).toEqual(plan.rows.map((r) => ({ ...content(r), ref: r.ref })));
  });

  it('imports into a plan whose rows are identical to the exported one', async () => {
    const store = histories.open();
    const plan = planWith(store, '012345', variant);
    const path = join(histories.folder(), 'plan.xlsx');
    await writePlanWorkbook(plan, path);
    const wb = await readPlanWorkbook(path);
    const copy = store.plans.importPlan({
      upin: wb.upin ?? '',
      year: wb.year ?? '',
      title: wb.title,
      variant: wb.variant,
      rows: wb.rows,
    });
    expect(copy).toMatchObject({ title: plan.title, variant, status: 'draft', version: 1 });
    expect(copy.rows.map(content)).toEqual(plan.rows.map(content));
  });

  it(`has HEFCE's ${variant === 'heifes' ? 'eight' : 'six'} column headings`, async () => {
    const store = histories.open();
    const plan = planWith(store, '105432', variant);
    const path = join(histories.folder(), 'plan.xlsx');
    await writePlanWorkbook(plan, path);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0];
    const header = sheet?.getRow(6).values as unknown[];
    expect(header.slice(1)).toEqual(
      variant === 'heifes' ? [...PLAN_COLUMNS, ...HEIFES_COLUMNS] : [...PLAN_COLUMNS],
    );
  });
});

describe('returndesk plan export / plan import', () => {
  it('round-trips a plan through the workbook in time zones far apart', async () => {
    const data = histories.folder();
    const plan = planWith(histories.open(data), '012345', 'heifes');
    const path = join(histories.folder(), 'exported plan.xlsx');
    const exported = await json(
      data,
      ['plan', 'export', '--plan', String(plan.id), '--xlsx', path],
      {
        TZ: 'Pacific/Kiritimati',
      },
    );
    expect(exported).toEqual({ plan: plan.id, xlsx: path, rows: ROWS.length });
    const imported = await json<ActionPlan>(
      data,
      ['plan', 'import', '--xlsx', path, '--provider', '012345', '--year', '2010-11'],
      { TZ: 'America/Anchorage' },
    );
    expect(imported.id).not.toBe(plan.id);
    expect(imported).toMatchObject({ title: plan.title, variant: 'heifes', status: 'draft' });
    expect(imported.rows.map(content)).toEqual(plan.rows.map(content));
  });

  it('refuses to import a workbook of another provider, creating nothing', async () => {
    const data = histories.folder();
    const store = histories.open(data);
    const plan = planWith(store, '012345', 'general');
    addProvider(store, '105432');
    const path = join(histories.folder(), 'plan.xlsx');
    await writePlanWorkbook(plan, path);
    const r = await returndesk(data, [
      'plan',
      'import',
      '--xlsx',
      path,
      '--provider',
      '105432',
      '--year',
      '2010-11',
    ]);
    expectOneLineRefusal(r, 2, /plan for provider 012345, not 105432/);
    expect(store.plans.list()).toHaveLength(1);
  });

  it('refuses a file that is not a workbook with one line', async () => {
    const data = histories.folder();
    histories.open(data);
    const r = await returndesk(data, [
      'plan',
      'import',
      '--xlsx',
      join(data, 'returndesk.db'),
      '--provider',
      '105432',
      '--year',
      '2010-11',
    ]);
    expectOneLineRefusal(r, 2, /not an Excel workbook/);
  });
});
