// Form checks use the contract's own zod schemas, so a rule is written once and the screen says
// exactly what the handler would. Errors are shown for a field once the user has left it (or
// tried to save), and from then on they update as the user types.
import type { ZodType } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first message for each top-level field the schema rejects. */
export function fieldErrors(schema: ZodType, value: unknown): FieldErrors {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export function visibleErrors(
  errors: FieldErrors,
  touched: ReadonlySet<string>,
  submitted: boolean,
): FieldErrors {
  if (submitted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([k]) => touched.has(k)));
}

/** Blank optional text becomes "not given" rather than an empty string the schema would reject. */
export const optional = (s: string): string | undefined => (s === '' ? undefined : s);
