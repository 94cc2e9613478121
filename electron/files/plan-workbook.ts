// Action plans as the Excel workbook HEFCE's template uses: its six columns (plus error type and
// cause for the HEIFES variant), one row per area of difference. Export then import loses nothing.
import ExcelJS from 'exceljs';
import type { ActionPlan, PlanVariant } from '../../shared/history/types';
import type { NewPlanRow } from '../store/plans';
import type { AmendmentKind } from '../../shared/amd/model';

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

export interface WorkbookPlan {
  title: string;
  variant: PlanVariant;
  upin: string | null;
  year: string | null;
  rows: (NewPlanRow & { ref: number })[];
}

export class WorkbookError extends Error {}

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

export async function readPlanWorkbook(path: string): Promise<WorkbookPlan> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookError(
      code === 'ENOENT'
        ? `${path}: no such file.`
        : `${path} is not an Excel workbook (.xlsx) that can be read.`,
    );
  }
  return planFromWorkbook(wb, path);
}

/** Reads a workbook the user chose in the app (its bytes, never its path). */
export async function readPlanWorkbookBytes(bytes: Buffer, name: string): Promise<WorkbookPlan> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError(`${name} is not an Excel workbook (.xlsx) that can be read.`);
  }
  return planFromWorkbook(wb, name);
}

function planFromWorkbook(wb: ExcelJS.Workbook, path: string): WorkbookPlan {
  for (const ws of wb.worksheets) {
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && text(row.getCell(1).value).toLowerCase().startsWith('reference'))
        headerRow = n;
    });
    if (!headerRow) continue;
    const header = ws.getRow(headerRow);
    const heifes = text(header.getCell(7).value).toLowerCase().startsWith('error type');
    const meta = (label: string) => {
      for (let n = 1; n < headerRow; n++) {
        if (text(ws.getCell(n, 1).value).toLowerCase() === label.toLowerCase())
          return text(ws.getCell(n, 2).value) || null;
      }
      return null;
    };
    const rows: WorkbookPlan['rows'] = [];
    for (let n = headerRow + 1; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      const cells = [1, 2, 3, 4, 5, 6].map((c) => row.getCell(c).value);
      if (cells.every((c) => text(c) === '')) continue;
      const where = `${path}, row ${n}`;
      const ref = Number(text(cells[0]));
      const kind = text(cells[2]).toUpperCase();
      if (!Number.isInteger(ref) || ref < 1)
        throw new WorkbookError(
          `${where}: the reference number '${text(cells[0])}' is not a whole number from 1.`,
        );
      if (!['CHANGE', 'ADD', 'DELETE'].includes(kind))
        throw new WorkbookError(
          `${where}: the type '${text(cells[2])}' must be CHANGE, ADD or DELETE.`,
        );
      const records = Number(text(cells[4]));
      if (!Number.isInteger(records) || records < 0)
        throw new WorkbookError(
          `${where}: the number of records '${text(cells[4])}' is not a whole number.`,
        );
      const due = dateOf(cells[5]);
      if (!due)
        throw new WorkbookError(
          `${where}: the date '${text(cells[5])}' is not a date (use dd/mm/yyyy).`,
        );
      const fieldsText = text(cells[3]);
      rows.push({
        ref,
        description: text(cells[1]),
        kind: kind as AmendmentKind,
        fields:
          /^all( fields)?$/i.test(fieldsText) || fieldsText === ''
            ? 'all'
            : fieldsText.split(',').map((f) => f.trim()),
        records,
        due,
        errorType: heifes ? text(row.getCell(7).value) || null : null,
        cause: heifes ? text(row.getCell(8).value) || null : null,
      });
    }
    rows.forEach((r, i) => {
      if (r.ref !== i + 1)
        throw new WorkbookError(
          `${path}: reference numbers must run 1, 2, 3, ... in order; row ${i + 1} has ${r.ref}.`,
        );
    });
    return {
      title: meta('Title') ?? ws.name,
      variant: heifes ? 'heifes' : 'general',
      upin: meta('Provider UPIN'),
      year: meta('ILR year'),
      rows,
    };
  }
  throw new WorkbookError(
    `${path} has no sheet with a 'Reference number' column; is it an action plan?`,
  );
}

function text(v: ExcelJS.CellValue | undefined): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

function dateOf(v: ExcelJS.CellValue | undefined): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = text(v);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return t;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return undefined;
}
