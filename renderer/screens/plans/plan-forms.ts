// The plan forms: creating or importing a plan, and one area of difference (a row). Checked with
// the journey schemas' own rules, plus the store's ("All fields" only for additions and deletions),
// so the screen says before saving what saving would say; a year or date that is written right but
// does not exist (2010-12, 2011-02-30) is named in the form's own words.
import { inputs } from '../../../shared/ipc/contract';
import type { Input } from '../../../shared/ipc/contract';
import type { PlanRow, PlanVariant } from '../../../shared/history/types';
import { ilrYearParts, isFieldCode, isIlrYear } from '../../../shared/domain';
import { fieldErrors } from '../../forms/validation';
import { isoToUkDate, ukDateToIso } from './uk-date';
import type { FieldErrors } from '../../forms/validation';

export interface PlanFormValues {
  upin: string;
  year: string;
  title: string;
  variant: PlanVariant;
}

export const EMPTY_PLAN: PlanFormValues = { upin: '', year: '', title: '', variant: 'general' };

export function planInput(v: PlanFormValues): Input<'plans.create'> {
  return { upin: v.upin, year: v.year.trim(), title: v.title, variant: v.variant };
}

const CHOOSE_PROVIDER = 'Choose the provider.';

function yearErrors(upin: string, year: string): FieldErrors {
  const errors: FieldErrors = {};
  if (upin === '') errors.upin = CHOOSE_PROVIDER;
  const y = year.trim();
  if (ilrYearParts(y) && !isIlrYear(y))
    errors.year = `${y} is not an ILR year: the second part follows the first, as in 2010-11.`;
  return errors;
}

export function planErrors(v: PlanFormValues): FieldErrors {
  return {
    ...fieldErrors(inputs['plans.create'], planInput(v)),
    ...yearErrors(v.upin, v.year),
  };
}

export interface ImportFormValues {
  upin: string;
  year: string;
  fileName: string;
}

export const EMPTY_IMPORT: ImportFormValues = { upin: '', year: '', fileName: '' };

export function importErrors(v: ImportFormValues): FieldErrors {
  const errors: FieldErrors = {
    ...fieldErrors(inputs['plans.importXlsx'], {
      upin: v.upin,
      year: v.year.trim(),
      fileName: v.fileName || 'plan.xlsx',
      base64: '',
    }),
    ...yearErrors(v.upin, v.year),
  };
  if (v.fileName === '') errors.fileName = 'Choose the .xlsx file of the action plan.';
  else if (!/\.xlsx$/i.test(v.fileName))
    errors.fileName = `${v.fileName} is not an Excel workbook (.xlsx).`;
  return errors;
}

export type RowKind = PlanRow['kind'];

export interface RowFormValues {
  kind: RowKind;
  description: string;
  /** As typed: "H14, H15". Ignored for ADD and DELETE, which cover "All fields". */
  fields: string;
  records: string;
  due: string;
  errorType: string;
  cause: string;
}

export const EMPTY_ROW: RowFormValues = {
  kind: 'CHANGE',
  description: '',
  fields: '',
  records: '',
  due: '',
  errorType: '',
  cause: '',
};

export function splitFields(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

type RowInput = Input<'plans.addRow'>['row'];

export function rowInput(v: RowFormValues, variant: PlanVariant): RowInput {
  const records = v.records.trim();
  return {
    kind: v.kind,
    description: v.description,
    fields: v.kind === 'CHANGE' ? splitFields(v.fields) : 'all',
    records: /^\d+$/.test(records) ? Number(records) : Number.NaN,
    // As typed (dd/mm/yyyy) in the form; the contract keeps YYYY-MM-DD.
    due: ukDateToIso(v.due) ?? v.due,
    errorType: variant === 'heifes' ? v.errorType.trim() || null : null,
    cause: variant === 'heifes' ? v.cause.trim() || null : null,
  };
}

export function rowErrors(v: RowFormValues, variant: PlanVariant): FieldErrors {
  const input = rowInput(v, variant);
  const errors = fieldErrors(inputs['plans.addRow'].shape.row, input);
  if (v.records.trim() === '') errors.records = 'Give the number of records.';
  else if (Number.isNaN(input.records))
    errors.records = 'Give the number of records as a whole number, e.g. 12.';
  if (v.due === '') errors.due = 'Give the date the amended data will be submitted.';
  else if (ukDateToIso(v.due) === undefined)
    errors.due = `${v.due} is not a real date: write it dd/mm/yyyy, e.g. 31/03/2011.`;
  else delete errors.due;
  if (v.kind === 'CHANGE' && !errors.fields) {
    const bad = splitFields(v.fields).filter((f) => !isFieldCode(f));
    if (bad.length)
      errors.fields = `Use ILR field codes such as A27 or L42a (not ${bad.join(', ')}).`;
  }
  return errors;
}

export function rowValues(row: PlanRow): RowFormValues {
  return {
    kind: row.kind,
    description: row.description,
    fields: row.kind === 'CHANGE' ? row.fields : '',
    records: String(row.records),
    due: isoToUkDate(row.due),
    errorType: row.errorType ?? '',
    cause: row.cause ?? '',
  };
}
