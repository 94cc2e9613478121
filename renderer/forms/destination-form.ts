// The destination form: what the user typed, and the destinations.add input it becomes. The CA
// certificate travels as its PEM text (the main process never opens a path the page chose), and
// the password and group key only as long as the form is open.
import { inputs } from '../../shared/ipc/contract';
import type { Input } from '../../shared/ipc/contract';
import { fieldErrors, optional } from './validation';
import type { FieldErrors } from './validation';
import type { DestinationView } from '../../shared/ipc/views';

export interface DestinationFormValues {
  name: string;
  url: string;
  area: string;
  username: string;
  /** The CA certificate's text, read from the file the user chose. */
  caPem: string | null;
  caFileName: string | null;
  password: string;
  groupKey: string;
}

export const EMPTY_DESTINATION: DestinationFormValues = {
  name: '',
  url: '',
  area: '',
  username: '',
  caPem: null,
  caFileName: null,
  password: '',
  groupKey: '',
};

/** Fields never kept in the drafts that survive a screen failure: secrets live only in the form. */
export const SECRET_FIELDS = ['password', 'groupKey'] as const;

export function destinationInput(v: DestinationFormValues): Input<'destinations.add'> {
  return {
    name: v.name,
    url: v.url.trim(),
    area: v.area,
    username: v.username,
    caPem: v.caPem,
    password: optional(v.password),
    groupKey: optional(v.groupKey),
  };
}

/** Only the fields that differ from the destination as it is. */
export function changesOf(
  d: DestinationView,
  v: DestinationFormValues,
): Omit<Input<'destinations.update'>, 'destinationId' | 'destination'> {
  const changed = (key: 'name' | 'url' | 'area' | 'username') =>
    v[key].trim() !== d[key] ? v[key].trim() : undefined;
  return {
    name: changed('name'),
    url: changed('url'),
    area: changed('area'),
    username: changed('username'),
    caPem: v.caPem ?? undefined,
    password: optional(v.password),
    groupKey: optional(v.groupKey),
  };
}

export function destinationErrors(v: DestinationFormValues): FieldErrors {
  const errors = fieldErrors(inputs['destinations.add'], destinationInput(v));
  const pem = v.caPem === null ? undefined : pemProblem(v.caPem);
  if (pem) errors.caPem = pem;
  return errors;
}

/**
 * Said as soon as the file is chosen rather than after saving. The rule itself is the history's
 * (electron/store/destinations.ts), which is not in the contract's schema; the wording matches it.
 */
export function pemProblem(text: string): string | undefined {
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? undefined
    : 'The CA file is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).';
}

/** For the password dialogs: the contract's rule for a secret, with "required" said plainly. */
export function passwordProblem(password: string): string | undefined {
  if (password === '') return 'Enter the password.';
  const e = fieldErrors(inputs['destinations.setPassword'], { destinationId: 1, password });
  return e.password;
}
