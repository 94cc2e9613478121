// Writes an amendment file exactly as HEFCE's guide lays it out: 12 header lines, the records,
// CRLF line breaks and a line break after the final record. The format has no quoting, so a value
// that would break a line or shift a column is refused, never "fixed" silently.
import type { AmendmentFileSpec } from './model';
import { ADDITION_SCOPE, DATA_SET_NAMES, formatDdMmYyyy, isRealDate } from './model';
import { amendmentFileName, amendmentReference } from './names';
import { isWholeNumber } from './records';
import { canonicalFieldCode, isUpin } from '../domain';
import { firstNon1252 } from './encoding';
import { validateAmendmentText } from './validate';
import type { FileReport, ValidateOptions } from './validate';

export interface BuiltFile {
  name: string;
  text: string;
  records: number;
  checksum: string;
}

export type BuildResult = { ok: true; file: BuiltFile } | { ok: false; problems: string[] };

export function buildAmendmentFile(given: AmendmentFileSpec): BuildResult {
  const spec = inGuideForm(given);
  const problems = checkSpec(spec);
  if (problems.length > 0) return { ok: false, problems };
  const ci = spec.fields.indexOf(spec.checksumField);
  let checksum = 0n;
  for (const r of spec.records) checksum += BigInt(r[ci] ?? '0');
  const name = amendmentFileName(spec);
  const notes = [spec.notes[0] ?? '', spec.notes[1] ?? ''];
  const lines = [
    amendmentReference(spec),
    formatDdMmYyyy(spec.createdOn),
    spec.description,
    spec.kind,
    spec.kind === 'ADD' ? '' : spec.uniqueFields.join(','),
    spec.kind === 'CHANGE' ? spec.changedFields.join(',') : '',
    String(spec.records.length),
    spec.checksumField,
    checksum.toString(),
    notes[0] ?? '',
    notes[1] ?? '',
    spec.fields.join(','),
    ...spec.records.map((r) => r.join(',')),
  ];
  return {
    ok: true,
    file: {
      name,
      text: lines.join('\r\n') + '\r\n',
      records: spec.records.length,
      checksum: checksum.toString(),
    },
  };
}

/**
 * Field codes as the guide writes them (L42a, never L42A), whatever case the spec came in: the
 * validator reads other cases only with a warning, and the builder writes the unambiguous form.
 * Line 4 needs nothing: `kind` is always the capital word alone.
 */
function inGuideForm(spec: AmendmentFileSpec): AmendmentFileSpec {
  return {
    ...spec,
    fields: spec.fields.map(canonicalFieldCode),
    uniqueFields: spec.uniqueFields.map(canonicalFieldCode),
    changedFields: spec.changedFields.map(canonicalFieldCode),
    checksumField: canonicalFieldCode(spec.checksumField),
  };
}

export type CheckedBuild =
  | { ok: true; file: BuiltFile; report: FileReport }
  | { ok: false; problems: string[]; report?: FileReport };

/**
 * Builds, then validates the result with the same rules any file gets: a file the validator would
 * reject (a duplicate key, a provider without its leading zeros) is never written.
 */
export function buildAndCheck(
  spec: AmendmentFileSpec,
  opts: Omit<ValidateOptions, 'fileName' | 'onRecord'> = {},
): CheckedBuild {
  const built = buildAmendmentFile(spec);
  if (!built.ok) return built;
  const report = validateAmendmentText(built.file.text, { ...opts, fileName: built.file.name });
  if (!report.valid) {
    const problems = report.findings
      .filter((f) => f.severity === 'error')
      .slice(0, 20)
      .map((f) => `${f.rule}${where(f.line)}: ${f.message}`);
    return { ok: false, problems, report };
  }
  return { ok: true, file: built.file, report };
}

/** Records are numbered from 1 like the builder's own messages; lines as in the file. */
function where(line: number | null): string {
  if (line === null) return '';
  return line > 12 ? ` (record ${line - 12}, line ${line} of the file)` : ` (header line ${line})`;
}

function checkSpec(s: AmendmentFileSpec): string[] {
  const p: string[] = [];
  if (!isUpin(s.provider))
    p.push(`The provider UPIN '${s.provider}' must be six digits, leading zeros included.`);
  if (!Number.isInteger(s.seq) || s.seq < 1 || s.seq > 99)
    p.push(`The sequence number ${s.seq} must be 1 to 99.`);
  if (s.kind === 'ADD') {
    if (!s.additionType) p.push('An addition file needs an addition type (1, 2 or 3).');
    else if (!ADDITION_SCOPE[s.additionType].includes(s.dataSet)) {
      p.push(
        `Addition type ${s.additionType} cannot add to the ${DATA_SET_NAMES[s.dataSet]} data set; it allows ${ADDITION_SCOPE[s.additionType].join(', ')}.`,
      );
    }
  } else if (s.additionType) p.push('Only addition files have an addition type.');
  const d = s.createdOn;
  if (!isRealDate(d.year, d.month, d.day))
    p.push(`The creation date ${formatDdMmYyyy(d)} is not a real date.`);
  headerText(p, 'The description', s.description);
  if (s.description.trim() === '') p.push('The description (line 3) is empty.');
  if (s.notes.length > 2) p.push('There are only two notes lines (10 and 11).');
  s.notes.forEach((n, i) => headerText(p, `Note ${i + 1}`, n));
  const fields = new Set(s.fields);
  if (s.fields.length === 0) p.push('The file has no fields.');
  if (fields.size !== s.fields.length) p.push('A field is listed more than once.');
  if (s.kind !== 'ADD' && s.uniqueFields.length === 0)
    p.push('A change or deletion file needs unique fields (line 5).');
  if (s.kind === 'CHANGE' && s.changedFields.length === 0)
    p.push('A change file needs changed fields (line 6).');
  for (const f of [...s.uniqueFields, ...s.changedFields, s.checksumField]) {
    if (!fields.has(f)) p.push(`${f} is not among the file's fields.`);
  }
  if (s.records.length === 0) p.push('There are no records to write.');
  const ci = s.fields.indexOf(s.checksumField);
  s.records.forEach((r, i) => {
    if (p.length > 20) return;
    const row = i + 1;
    if (r.length !== s.fields.length)
      p.push(`Record ${row} has ${r.length} values but there are ${s.fields.length} fields.`);
    r.forEach((v, j) => {
      const field = s.fields[j] ?? `column ${j + 1}`;
      const bad = badValue(v);
      if (bad) p.push(`Record ${row}, field ${field}: the value ${bad}`);
    });
    if (ci >= 0 && !isWholeNumber(r[ci] ?? '')) {
      p.push(
        `Record ${row}, checksum field ${s.checksumField}: '${r[ci] ?? ''}' is not a whole number. Choose another checksum field.`,
      );
    }
  });
  return p;
}

function badValue(v: string): string | undefined {
  const noQuoting = 'The amendment format has no quoting; correct the value in the MIS extract.';
  if (v.includes(',')) return `'${v}' contains a comma. ${noQuoting}`;
  if (v.includes('"')) return `'${v}' contains a double quote. ${noQuoting}`;
  if (v.includes('\r') || v.includes('\n')) return `contains a line break. ${noQuoting}`;
  const ch = firstNon1252(v);
  if (ch) {
    return `'${v}' contains '${ch}', which Windows-1252 (ANSI) files cannot hold; write it with the nearest character the file can hold, as HEFCE's own data would.`;
  }
  return undefined;
}

function headerText(p: string[], label: string, text: string): void {
  if (text.includes('\r') || text.includes('\n'))
    p.push(`${label} contains a line break; header lines are single lines.`);
  const ch = firstNon1252(text);
  if (ch) p.push(`${label} contains '${ch}', which Windows-1252 (ANSI) files cannot hold.`);
}
