// Form state shared by every form: values (kept as a draft), which fields the user has left, and
// whether they have tried to save, which together decide which errors are shown.
import { useCallback, useState } from 'react';
import { useDraft } from '../app/hooks';
import { visibleErrors } from './validation';
import type { FieldErrors } from './validation';

export interface Form<V extends object> {
  values: V;
  set: (patch: Partial<V>) => void;
  /** The errors to show now. */
  errors: FieldErrors;
  blur: (field: keyof V & string) => void;
  /** Shows every error; true when the form may be sent. */
  trySubmit: () => boolean;
  reset: () => void;
}

export function useForm<V extends object>(
  draftKey: string,
  initial: V,
  validate: (v: V) => FieldErrors,
  secrets: readonly (keyof V)[] = [],
): Form<V> {
  const [values, set, clear] = useDraft(draftKey, initial, secrets);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const all = validate(values);
  const valid = Object.keys(all).length === 0;
  const blur = useCallback(
    (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    [],
  );
  return {
    values,
    set,
    errors: visibleErrors(all, touched, submitted),
    blur,
    trySubmit: () => {
      setSubmitted(true);
      return valid;
    },
    reset: () => {
      clear();
      setTouched(new Set());
      setSubmitted(false);
    },
  };
}

/** After a refused save, take the keyboard to the first field that needs attention. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
