// The Data portal's forms: a data request added by hand, and a template's file format imported.
// Checked with the contract's own schemas, so the screen says before saving what saving would say.
import { portalInputs } from '../../../shared/ipc/portal';
import type { Input } from '../../../shared/ipc/contract';
import { fieldErrors } from '../../forms/validation';
import type { FieldErrors } from '../../forms/validation';

export interface RequestFormValues {
  period: string;
  template: string;
  /** YYYY-MM-DD from the date input; '' for none: the collection opens on the due date. */
  opens: string;
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
    opens: v.opens === '' ? undefined : v.opens,
    due: v.due,
    destinationId: v.destinationId === '' ? undefined : Number(v.destinationId),
  };
}

export function requestErrors(v: RequestFormValues): FieldErrors {
  const errors = fieldErrors(portalInputs['portal.addRequest'], requestInput(v));
  // An empty date input says "not chosen", which reads better than the pattern's message. The
  // opening date may stay empty: the collection then opens on the due date.
  if (v.due === '') errors.due = 'Choose the due date.';
  // Checked here too: the schema's own comparison runs only once every field is right.
  if (v.opens !== '' && v.due !== '' && v.due < v.opens && !errors.due)
    errors.due = 'The due date cannot be before the collection opens.';
  return errors;
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
