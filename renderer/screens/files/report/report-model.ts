// What the report view says about a checked file: the counts on top, the lines that have findings
// (to mark them in the text), and the versions the check used.
import type { FileReport, Finding } from '../../../../shared/amd';
import { RULESET_VERSION } from '../../../../shared/amd';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function summaryLine(r: FileReport): string {
  const parts = [
    plural(r.errors, 'error'),
    plural(r.warnings, 'warning'),
    `${plural(r.recordsAffected, 'record')} affected`,
    `${plural(r.records, 'record')} in the file`,
  ];
  return parts.join(' · ');
}

export function verdict(r: FileReport): { intent: 'success' | 'warning' | 'error'; text: string } {
  if (r.errors > 0)
    return { intent: 'error', text: 'Not valid: HEFCE would reject this file as it is.' };
  if (r.warnings > 0)
    return { intent: 'warning', text: 'Valid, with warnings worth reading before you send it.' };
  return { intent: 'success', text: 'Valid: every rule is met.' };
}

export function versionsLine(r: FileReport): string {
  const rules = `rule set ${r.ruleset || RULESET_VERSION}`;
  return r.catalogue
    ? `Checked with ${rules} and ILR catalogue ${r.catalogue}.`
    : `Checked with ${rules}; field codes were checked for their form and data set only (no ILR year's catalogue).`;
}

/** The worst finding on each line, to mark lines in the text. */
export function lineMarks(findings: readonly Finding[]): Map<number, 'error' | 'warning'> {
  const marks = new Map<number, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.line === null) continue;
    if (f.severity === 'error' || !marks.has(f.line)) marks.set(f.line, f.severity);
  }
  return marks;
}

export function whereLabel(f: Finding): string {
  const at =
    f.line === null
      ? 'Whole file'
      : f.line <= 12
        ? `Header line ${f.line}`
        : `Line ${f.line} (record ${f.line - 12})`;
  return f.field ? `${at}, ${f.field}` : at;
}
