// The plan row beside the file: what HEFCE approved (kind, fields, number of records) and what
// the file holds. Every difference is said; a different number of records needs a stated reason
// to finalise (the rule is the operation's too, so every door obeys it).
import type { AmendmentKind } from '../../../../shared/amd';
import { canonicalFieldCode } from '../../../../shared/domain';

export interface RowExpectation {
  kind: AmendmentKind;
  /** The row's field list: "A27, A05" or "All fields". */
  fields: string;
  records: number;
}

export interface FileFacts {
  kind: AmendmentKind;
  records: number;
  /** The fields a change file corrects (line 6); empty otherwise. */
  changedFields: readonly string[];
}

const plural = (n: number) => `${n.toLocaleString('en-GB')} record${n === 1 ? '' : 's'}`;

/** The row's fields as codes, or null for "All fields" (or nothing named). */
export function rowFieldCodes(fields: string): string[] | null {
  if (/^\s*all\b/i.test(fields)) return null;
  const codes = fields
    .split(/[\s,;]+/)
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .map(canonicalFieldCode);
  return codes.length > 0 ? codes : null;
}

/** Each way the file differs from its row, in words; empty when they agree. */
export function rowDifferences(row: RowExpectation, file: FileFacts): string[] {
  const out: string[] = [];
  if (row.kind !== file.kind)
    out.push(`The row is a ${row.kind} area; this is a ${file.kind} file.`);
  if (row.records !== file.records)
    out.push(
      `The row is for ${plural(row.records)}; the file holds ${plural(file.records)} (${file.records > row.records ? 'more' : 'fewer'}).`,
    );
  const named = rowFieldCodes(row.fields);
  if (file.kind === 'CHANGE' && named) {
    const changed = new Set(file.changedFields);
    const missing = named.filter((f) => !changed.has(f));
    const extra = file.changedFields.filter((f) => !named.includes(f));
    if (missing.length > 0)
      out.push(`The row names ${missing.join(', ')}, which the file does not change.`);
    if (extra.length > 0)
      out.push(`The file changes ${extra.join(', ')}, which the row does not name.`);
  }
  return out;
}

/** True when finalising needs a stated reason: the number of records differs from the row's. */
export function needsReason(row: RowExpectation, records: readonly number[]): boolean {
  return records.some((n) => n !== row.records);
}

/** Lines 10 and 11 with the reason written on the first empty one, or null if both are used. */
export function notesWithReason(notes: [string, string], reason: string): [string, string] | null {
  const text = `Records differ from the action plan row: ${reason.trim()}`;
  if (notes[0].trim() === '') return [text, notes[1]];
  if (notes[1].trim() === '') return [notes[0], text];
  return null;
}
