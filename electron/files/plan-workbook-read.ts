// An action plan workbook read back: refused from its zip directory when it is far larger than any
// plan (workbook-limits.ts), then streamed row by row with exceljs's streaming reader, stopping as
// soon as the rows pass the limit, so a crafted workbook never reaches memory whole. Runs in the
// import worker (import/worker.ts) for the operations; the tests call it directly too.
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PlanVariant } from '../../shared/history/types';
import type { NewPlanRow } from '../store/plans';
import type { AmendmentKind } from '../../shared/amd/model';
import {
  NotAZip,
  WORKBOOK_LIMITS,
  summariseWorkbook,
  workbookTooLarge,
  workbookTooManyRows,
} from './workbook-limits';
import type { ReadAt } from './workbook-limits';
import { WorkbookError } from './workbook-error';

export interface WorkbookPlan {
  title: string;
  variant: PlanVariant;
  upin: string | null;
  year: string | null;
  rows: (NewPlanRow & { ref: number })[];
}

export { WorkbookError };

/** The columns a plan uses: the six of HEFCE's template and the HEIFES variant's two. */
const COLUMNS = 8;

interface SheetRows {
  name: string;
  /** Row number → its first COLUMNS values (index 0 is column A). */
  rows: Map<number, ExcelJS.CellValue[]>;
}

export async function readPlanWorkbook(path: string): Promise<WorkbookPlan> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookError(
      code === 'ENOENT' ? `${path}: no such file.` : `${path} cannot be read (${code ?? 'error'}).`,
    );
  }
  const file = await open(path, 'r');
  try {
    await refuseTooLarge(path, size, async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await file.close();
  }
  return streamPlan(path, path);
}

/** Reads a workbook the user chose in the app (its bytes, never its path). */
export async function readPlanWorkbookBytes(
  bytes: Uint8Array,
  name: string,
): Promise<WorkbookPlan> {
  await refuseTooLarge(name, bytes.byteLength, (position, length) =>
    Promise.resolve(bytes.subarray(position, position + length)),
  );
  return streamPlan(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]),
    name,
  );
}

async function refuseTooLarge(name: string, size: number, read: ReadAt): Promise<void> {
  let problem: string | undefined;
  try {
    problem = workbookTooLarge(name, await summariseWorkbook(read, size));
  } catch (e) {
    if (e instanceof NotAZip) throw notAWorkbook(name);
    throw e;
  }
  if (problem) throw new WorkbookError(problem);
}

const notAWorkbook = (name: string) =>
  new WorkbookError(`${name} is not an Excel workbook (.xlsx) that can be read.`);

async function streamPlan(input: string | Readable, name: string): Promise<WorkbookPlan> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles, so that dates typed as dates come back as dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let read = 0;
  try {
    for await (const ws of reader) {
      const sheet: SheetRows = { name: (ws as unknown as { name: string }).name, rows: new Map() };
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        if (++read > WORKBOOK_LIMITS.rows) throw new WorkbookError(workbookTooManyRows(name));
        const values: ExcelJS.CellValue[] = [];
        for (let c = 1; c <= COLUMNS; c++) values.push(row.getCell(c).value);
        sheet.rows.set(row.number, values);
      }
      const plan = planFromSheet(sheet, name);
      if (plan) return plan;
    }
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw notAWorkbook(name);
  }
  throw new WorkbookError(
    `${name} has no sheet with a 'Reference number' column; is it an action plan?`,
  );
}

function planFromSheet(sheet: SheetRows, path: string): WorkbookPlan | undefined {
  const numbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  const cell = (n: number, c: number) => sheet.rows.get(n)?.[c - 1];
  const headerRow = numbers.find((n) => text(cell(n, 1)).toLowerCase().startsWith('reference'));
  if (headerRow === undefined) return undefined;
  const heifes = text(cell(headerRow, 7)).toLowerCase().startsWith('error type');
  const meta = (label: string) => {
    const n = numbers.find(
      (n) => n < headerRow && text(cell(n, 1)).toLowerCase() === label.toLowerCase(),
    );
    return n === undefined ? null : text(cell(n, 2)) || null;
  };
  const rows: WorkbookPlan['rows'] = [];
  for (const n of numbers) {
    if (n <= headerRow) continue;
    const cells = [1, 2, 3, 4, 5, 6].map((c) => cell(n, c));
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
      errorType: heifes ? text(cell(n, 7)) || null : null,
      cause: heifes ? text(cell(n, 8)) || null : null,
    });
  }
  rows.forEach((r, i) => {
    if (r.ref !== i + 1)
      throw new WorkbookError(
        `${path}: reference numbers must run 1, 2, 3, ... in order; row ${i + 1} has ${r.ref}.`,
      );
  });
  return {
    title: meta('Title') ?? sheet.name,
    variant: heifes ? 'heifes' : 'general',
    upin: meta('Provider UPIN'),
    year: meta('ILR year'),
    rows,
  };
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
