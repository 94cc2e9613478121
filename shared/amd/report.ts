// Reports a data officer can read: a summary line per file (errors, warnings, records affected),
// then findings, errors first. The same findings export as JSON for tools and CSV for spreadsheets.
// ILR XML files share every format; they add a column to each finding (a place in a line matters
// in XML) and a summary of the header, and count learners where .amd files count records.
import type { FileReport } from './validate';
import type { Finding } from './findings';
import { RULESET_VERSION } from './rules';
import { csvText } from '../csv/cell';

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

/** The rule sets that checked `reports`, in order of first use; the .amd one when there are none. */
export function rulesetsOf(reports: readonly FileReport[]): string[] {
  const used = [...new Set(reports.map((r) => r.ruleset))];
  return used.length > 0 ? used : [RULESET_VERSION];
}

/**
 * The shape `returndesk validate --json` prints; `ruleset` says which rules and catalogue ran
 * (several rule sets are listed comma-separated). An .amd file's entry is exactly as it always was;
 * an XML file's adds `xml` and a `column` to each finding.
 */
export function reportJson(reports: readonly FileReport[]) {
  return {
    files: reports.map((r) => ({
      file: r.file,
      valid: r.valid,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        line: f.line,
        ...(r.xml ? { column: f.column ?? null } : {}),
        field: f.field,
        value: f.value,
        message: f.message,
      })),
      ...(r.xml ? { xml: r.xml } : {}),
    })),
    summary: summarise(reports),
    ruleset: {
      version: rulesetsOf(reports).join(', '),
      catalogue: reports.find((r) => r.catalogue)?.catalogue ?? null,
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The catalogue only concerns .amd files, so an XML-only run does not mention it. */
export function describeVersions(
  catalogue: string | null,
  rulesets: readonly string[] = [RULESET_VERSION],
): string {
  const rules = `Rule set${rulesets.length === 1 ? '' : 's'} ${rulesets.join(', ')}`;
  if (!rulesets.includes(RULESET_VERSION)) return `${rules}.`;
  return `${rules}; ${catalogue ? `ILR catalogue ${catalogue}` : 'no ILR catalogue (add --year to check field codes against a year; addition files are compared with the 2010-11 field list all the same)'}.`;
}

export function reportText(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const unit = r.xml ? 'learner' : 'record';
    out.push(
      `${r.file}: ${r.valid ? 'valid' : 'NOT VALID'} - ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}, ${plural(r.records, unit)}, ${plural(r.recordsAffected, unit)} affected`,
    );
    if (r.xml) out.push(`  ${describeXml(r.xml)}`);
    for (const f of r.findings) out.push(`  ${formatFinding(f)}`);
    out.push('');
  }
  const s = summarise(reports);
  out.push(
    `${plural(s.files, 'file')} checked: ${s.valid} valid, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`,
  );
  out.push(
    describeVersions(reports.find((r) => r.catalogue)?.catalogue ?? null, rulesetsOf(reports)),
  );
  return out.join('\n') + '\n';
}

function describeXml(x: NonNullable<FileReport['xml']>): string {
  const said = (v: string | null) => v ?? '(none)';
  return `UKPRN ${said(x.ukprn)}, serial ${said(x.serialNo)}, transmission type ${said(x.transmissionType)}, prepared ${said(x.preparationDate)}; ${x.learningDeliveries} learning deliver${x.learningDeliveries === 1 ? 'y' : 'ies'}.`;
}

function formatFinding(f: Finding): string {
  const where = [
    f.line !== null ? `line ${f.line}` : null,
    f.line !== null && typeof f.column === 'number' ? `column ${f.column}` : null,
    f.field ? `field ${f.field}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${f.rule}${where ? ` (${where})` : ''}: ${f.message}`;
}

/** One row per finding, every field quoted where needed, so Excel opens it cleanly. */
export function reportCsv(reports: readonly FileReport[]): string {
  const rows: string[][] = [
    [
      'File',
      'Severity',
      'Rule',
      'Line',
      'Column',
      'Field',
      'Value',
      'Message',
      'Rule set',
      'Catalogue',
    ],
  ];
  for (const r of reports) {
    for (const f of r.findings) {
      rows.push([
        r.file,
        f.severity,
        f.rule,
        f.line === null ? '' : String(f.line),
        typeof f.column === 'number' ? String(f.column) : '',
        f.field ?? '',
        f.value ?? '',
        f.message,
        r.ruleset,
        r.catalogue ?? '',
      ]);
    }
  }
  return csvText(rows);
}
