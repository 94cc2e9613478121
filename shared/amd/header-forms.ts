// What a careful reading of the guide accepts on header lines, beyond the form its examples show.
// Line 4 "must contain the word" CHANGE, ADD or DELETE: the word in any case, or with other words
// around it, still names the kind. Field codes (lines 5, 6, 8, 12) are written A48a in the guide,
// which never says case matters: A48A is the same field. Both are read, with a warning, because the
// guide does not say how HEFCE's loader compares them; the builder writes the guide's form.
import type { AmendmentKind } from './model';
import { AMENDMENT_KINDS, HEADER_LINE as H } from './model';
import type { FindingList } from './findings';
import { canonicalFieldCode, isFieldCode } from '../domain';

export type KindLine =
  { kind: AmendmentKind; exact: boolean } | { kind?: undefined; named: readonly AmendmentKind[] };

/**
 * Reads line 4. Exact: the capital word alone (surrounding spaces are invisible and harmless).
 * Otherwise the kind is the one word of the three the line contains, in any case; a line naming
 * two kinds ("ADD/DELETE") or none names no kind.
 */
export function readKindLine(text: string): KindLine {
  const t = text.trim();
  const exact = AMENDMENT_KINDS.find((k) => k === t);
  if (exact) return { kind: exact, exact: true };
  // Words are runs of letters and digits, so CHANGES or CHANGE1 is not the word CHANGE.
  const words = new Set(t.toUpperCase().match(/[A-Z0-9]+/g) ?? []);
  const named = AMENDMENT_KINDS.filter((k) => words.has(k));
  const only = named[0];
  return named.length === 1 && only ? { kind: only, exact: false } : { named };
}

/** The header lines that hold field codes. */
export const FIELD_CODE_LINES = [
  H.uniqueFields,
  H.changedFields,
  H.checksumField,
  H.fieldList,
] as const;

/** Warns once per line where a field code is written in another case than the ILR's own. */
export function checkFieldCodeCase(line: number, text: string | undefined, out: FindingList): void {
  if (text === undefined) return;
  const written: string[] = [];
  const meant: string[] = [];
  for (const raw of text.split(',').map((f) => f.trim())) {
    const code = canonicalFieldCode(raw);
    if (code !== raw && isFieldCode(code)) {
      written.push(raw);
      meant.push(code);
    }
  }
  if (written.length === 0) return;
  out.add(
    'AMD_FIELD_CASE',
    `Line ${line} writes ${written.join(', ')}, read as ${meant.join(', ')}.`,
    { line, field: meant.length === 1 ? (meant[0] ?? null) : null, value: text },
  );
}
