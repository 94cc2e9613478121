// Column mapping: which ILR field each column of an MIS extract holds. A header that is already a
// field code (any case: L42A is L42a) maps to itself; other headers use what the user chose last
// time for this provider, remembered in main (mappings.get/save).
import { canonicalFieldCode } from '../../../../shared/amd';
import { isFieldCode } from '../../../../shared/domain';

/** One code per column: a field code, or '' when the column is not used. */
export type ColumnCodes = string[];

export function initialCodes(
  header: readonly string[],
  saved: Readonly<Record<string, string>>,
): ColumnCodes {
  return header.map((h) => {
    const own = canonicalFieldCode(h);
    if (isFieldCode(own)) return own;
    const remembered = saved[h.trim()];
    return remembered && isFieldCode(remembered) ? remembered : '';
  });
}

/** Codes chosen for more than one column: HEFCE could not tell which value is meant. */
export function repeatedCodes(codes: ColumnCodes): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of codes) {
    if (c === '') continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return [...twice];
}

/**
 * What to remember: the saved mapping with this extract's choices for headers that are not field
 * codes themselves. Undefined when nothing changed, so no needless write.
 */
export function mappingToSave(
  header: readonly string[],
  codes: ColumnCodes,
  saved: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const next: Record<string, string> = { ...saved };
  let changed = false;
  header.forEach((h, i) => {
    const key = h.trim();
    if (key === '' || isFieldCode(canonicalFieldCode(h))) return;
    const code = codes[i] ?? '';
    if (code === '' && key in next) {
      delete next[key];
      changed = true;
    } else if (code !== '' && next[key] !== code) {
      next[key] = code;
      changed = true;
    }
  });
  return changed ? next : undefined;
}

/** The columns used as fields of the given data set, in extract order. */
export function fieldColumns(codes: ColumnCodes, dataSet: string): { code: string; col: number }[] {
  return codes
    .map((code, col) => ({ code, col }))
    .filter((c) => c.code !== '' && c.code.startsWith(dataSet));
}
