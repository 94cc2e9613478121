// Action plans as the Excel workbook HEFCE's template uses: its six columns (plus error type and
// cause for the HEIFES variant), one row per area of difference. Export then import loses nothing.
import ExcelJS from 'exceljs';
import type { ActionPlan } from '../../shared/history/types';

export const PLAN_COLUMNS = [
  'Reference number',
  'Description of amendment',
  'Type of amendment (CHANGE/ADD/DELETE)',
  'Fields to be changed (if CHANGE), otherwise All fields',
  'Number of records',
  'Date amended data will be submitted',
] as const;
export const HEIFES_COLUMNS = ['Error type', 'Cause of error'] as const;

const SHEET = 'Action plan';
const HEADER_ROW = 6;

export { readPlanWorkbook, readPlanWorkbookBytes, WorkbookError } from './plan-workbook-read';
export type { WorkbookPlan } from './plan-workbook-read';

export async function writePlanWorkbook(plan: ActionPlan, path: string): Promise<void> {
  await (await planWorkbook(plan)).xlsx.writeFile(path);
}

/** The workbook as bytes, for a download in the app. */
export async function planWorkbookBytes(plan: ActionPlan): Promise<Buffer> {
  return Buffer.from(await (await planWorkbook(plan)).xlsx.writeBuffer());
}

async function planWorkbook(plan: ActionPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReturnDesk';
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'ILR amendments action plan';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const meta: [string, string][] = [
    ['Provider UPIN', plan.upin],
    ['ILR year', plan.year],
    ['Title', plan.title],
    ['Version', String(plan.version)],
  ];
  meta.forEach(([k, v], i) => {
    ws.getCell(2 + i, 1).value = k;
    // Text cells, so Excel keeps the UPIN's leading zeros.
    ws.getCell(2 + i, 2).value = v;
    ws.getCell(2 + i, 2).numFmt = '@';
  });
  const heifes = plan.variant === 'heifes';
  const columns = heifes ? [...PLAN_COLUMNS, ...HEIFES_COLUMNS] : [...PLAN_COLUMNS];
  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c;
    header.getCell(i + 1).font = { bold: true };
  });
  ws.columns.forEach((col, i) => (col.width = [12, 60, 22, 40, 12, 20, 16, 40][i] ?? 20));
  plan.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const [y, m, d] = r.due.split('-').map(Number);
    const values: (string | number | Date)[] = [
      r.ref,
      r.description,
      r.kind,
      r.fields,
      r.records,
      new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)),
    ];
    if (heifes) values.push(r.errorType ?? '', r.cause ?? '');
    values.forEach((v, j) => (row.getCell(j + 1).value = v));
    row.getCell(6).numFmt = 'dd/mm/yyyy';
  });
  return wb;
}
