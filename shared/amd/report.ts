// Reports a data officer can read: a summary line per file (errors, warnings, records affected),
// then findings, errors first. The same findings export as JSON for tools and CSV for spreadsheets.
import type { FileReport } from './validate';
import type { Finding } from './findings';
import { RULESET_VERSION } from './rules';

export interface ReportSummary {
  files: number;
  valid: number;
  errors: number;
  warnings: number;
}

export function summarise(reports: readonly FileReport[]): ReportSummary {
  return {
    files: reports.length,
    valid: reports.filter((r) => r.valid).length,
    errors: reports.reduce((n, r) => n + r.errors, 0),
    warnings: reports.reduce((n, r) => n + r.warnings, 0),
  };
}

/** The shape `returndesk validate --json` prints; `ruleset` says which rules and catalogue ran. */
export function reportJson(reports: readonly FileReport[]) {
  return {
    files: reports.map((r) => ({
      file: r.file,
      valid: r.valid,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        line: f.line,
        field: f.field,
        value: f.value,
        message: f.message,
      })),
    })),
    summary: summarise(reports),
    ruleset: {
      version: RULESET_VERSION,
      catalogue: reports.find((r) => r.catalogue)?.catalogue ?? null,
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeVersions(catalogue: string | null): string {
  return `Rule set ${RULESET_VERSION}; ${catalogue ? `ILR catalogue ${catalogue}` : 'no ILR catalogue (add --year to check field codes against a year)'}.`;
}

export function reportText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(
      `${r.file}: ${r.valid ? 'valid' : 'NOT VALID'} - ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}, ${plural(r.records, 'record')}, ${plural(r.recordsAffected, 'record')} affected`,
    );
    for (const f of r.findings) out.push(`  ${formatFinding(f)}`);
    out.push('');
  }
  const s = summarise(reports);
  out.push(
    `${plural(s.files, 'file')} checked: ${s.valid} valid, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`,
  );
  out.push(describeVersions(reports.find((r) => r.catalogue)?.catalogue ?? null));
  return out.join('\n') + '\n';
}

function formatFinding(f: Finding): string {
  const where = [f.line !== null ? `line ${f.line}` : null, f.field ? `field ${f.field}` : null]
    .filter(Boolean)
    .join(', ');
  return `${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${f.rule}${where ? ` (${where})` : ''}: ${f.message}`;
}

/** One row per finding, every field quoted where needed, so Excel opens it cleanly. */
export function reportCsv(reports: readonly FileReport[]): string {
  const rows: string[][] = [
    ['File', 'Severity', 'Rule', 'Line', 'Field', 'Value', 'Message', 'Rule set', 'Catalogue'],
  ];
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push([
        r.file,
        f.severity,
        f.rule,
        f.line === null ? '' : String(f.line),
        f.field ?? '',
        f.value ?? '',
        f.message,
        r.ruleset,
        r.catalogue ?? '',
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(v: string): string {
  // A leading = + - @ would make Excel run the value as a formula; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== v || (/^\d+$/.test(v) && v.startsWith('0'))
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}
