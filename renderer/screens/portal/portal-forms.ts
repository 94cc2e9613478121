// The Data portal's forms: a data request added by hand, and a template's file format imported.
// Checked with the contract's own schemas, so the screen says before saving what saving would say.
import { portalInputs } from '../../../shared/ipc/portal';
import type { Input } from '../../../shared/ipc/contract';
import { ukDateToIso } from '../../components/uk-date';
import { fieldErrors } from '../../forms/validation';
import type { FieldErrors } from '../../forms/validation';

export interface RequestFormValues {
  period: string;
  template: string;
  /** As typed, dd/mm/yyyy (or YYYY-MM-DD); '' for none: the collection opens on the due date. */
  opens: string;
  /** As typed, dd/mm/yyyy (or YYYY-MM-DD). */
  due: string;
  /** A destination's id, or '' for none. */
  destinationId: string;
}

export const EMPTY_REQUEST: RequestFormValues = {
  period: '',
  template: '',
  opens: '',
  due: '',
  destinationId: '',
};

export function requestInput(v: RequestFormValues): Input<'portal.addRequest'> {
  return {
    period: v.period.trim(),
    template: v.template.trim(),
    // As typed (dd/mm/yyyy) in the form; the contract keeps YYYY-MM-DD.
    opens: v.opens.trim() === '' ? undefined : (ukDateToIso(v.opens) ?? v.opens),
    due: ukDateToIso(v.due) ?? v.due,
    destinationId: v.destinationId === '' ? undefined : Number(v.destinationId),
  };
}

export function requestErrors(v: RequestFormValues): FieldErrors {
  const errors = fieldErrors(portalInputs['portal.addRequest'], requestInput(v));
  // The dates are checked as typed, in the words of the form's own hint. The opening date may
  // stay empty: the collection then opens on the due date.
  const opens = dateError(v.opens, 'e.g. 20/03/2019');
  if (opens) errors.opens = opens;
  else delete errors.opens;
  const due = v.due.trim() === '' ? 'Enter the due date.' : dateError(v.due, 'e.g. 03/04/2019');
  if (due) errors.due = due;
  else delete errors.due;
  // Checked here too: the schema's own comparison runs only once every field is right.
  const [o, d] = [ukDateToIso(v.opens), ukDateToIso(v.due)];
  if (o && d && d < o) errors.due = 'The due date cannot be before the collection opens.';
  return errors;
}

/** Why a typed date is not one; undefined when it is, or when nothing was typed. */
function dateError(text: string, example: string): string | undefined {
  if (text.trim() === '' || ukDateToIso(text) !== undefined) return undefined;
  return `${text.trim()} is not a real date: write it dd/mm/yyyy, ${example}.`;
}

export interface FormatFormValues {
  template: string;
  /** The chosen file's name; the file itself is held by the form. */
  fileName: string;
}

export const EMPTY_FORMAT: FormatFormValues = { template: '', fileName: '' };

export function formatErrors(v: FormatFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const template = fieldErrors(portalInputs['portal.importFormat'], {
    template: v.template,
    fileName: 'x.csv',
    base64: '',
  }).template;
  if (template) errors.template = template;
  if (v.fileName === '') errors.fileName = 'Choose the file-format specification (CSV).';
  return errors;
}

/** Templates named by the requests, for the file-format form to offer. */
export function knownTemplates(requests: readonly { template: string }[]): string[] {
  const seen = new Map<string, string>();
  for (const r of requests) {
    const key = r.template.toLowerCase();
    if (!seen.has(key)) seen.set(key, r.template);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** What importing a schedule did. */
export function importedText(fileName: string, added: number, skipped: number): string {
  const news = added === 1 ? '1 request added' : `${added} requests added`;
  const old =
    skipped === 0
      ? ''
      : skipped === 1
        ? '; 1 was already in the list and was left as it was'
        : `; ${skipped} were already in the list and were left as they were`;
  return `Imported ${fileName}: ${news}${old}.`;
}
