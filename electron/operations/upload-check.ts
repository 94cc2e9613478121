// What a file from this computer is, before it is sent: an amendment file, an ILR XML file or a
// data-portal file (a CSV whose columns are a template's imported format) is checked by the
// checks ReturnDesk already has; anything else cannot be checked, and is sent only when the user
// confirms it, its size and rows named. A file whose columns look like learners' personal data
// (names, dates of birth, postcodes, NI numbers, ULNs) is said to look like a raw MIS extract.
import type { Store } from '../store';
import type { FileSource } from '../../shared/ipc/source';
import type { UploadFileCheck } from '../../shared/ipc/uploads';
import type { CalendarDate } from '../../shared/amd';
import { parseAmendmentFileName } from '../../shared/amd';
import { checkUntrusted } from './untrusted';
import type { OperationHost } from './host';
import { checkForTemplate } from './portal-check';
import { OperationError } from './refusal';

/** ILR fields of the learner data set that identify a person (2010-11 catalogue). */
const PERSONAL_FIELDS = new Set([
  'L09',
  'L10',
  'L11',
  'L17',
  'L18',
  'L19',
  'L20',
  'L21',
  'L22',
  'L23',
  'L26',
  'L45',
]);
const PERSONAL_WORDS =
  /(sur|fore|first|last|family|given|full|learner)[ _-]?name|^name$|birth|^dob$|post[ _-]?code|address|phone|mobile|e-?mail|national[ _-]?insurance|^ni[ _-]?(no|number)?$|^nino$|^uln$|unique[ _-]?learner/i;

const AMD_FIRST_LINE = /^(chg|add|del)\d{6}[LAH]\d?\d{2}$/i;
const HEAD_BYTES = 64 * 1024;

/** The header's columns that look like personal data. */
export function personalColumns(header: readonly string[]): string[] {
  return header.filter((h) => {
    const c = h.trim().replace(/^"|"$/g, '');
    return PERSONAL_FIELDS.has(c.toUpperCase()) || PERSONAL_WORDS.test(c);
  });
}

/** The first line (from the first 64 KB) and the number of lines, in one pass. */
async function skim(source: FileSource): Promise<{ first: string; lines: number; bytes: number }> {
  let head = '';
  let lines = 0;
  let bytes = 0;
  let last = 10;
  const decoder = new TextDecoder('windows-1252');
  for await (const chunk of source.open()) {
    if (bytes < HEAD_BYTES) head += decoder.decode(chunk.subarray(0, HEAD_BYTES - bytes));
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    bytes += chunk.length;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? 10;
  }
  if (bytes > 0 && last !== 10) lines++;
  const first = (head.split(/\r?\n|\r/)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '');
  return { first, lines, bytes };
}

const splitHeader = (line: string) => {
  const sep = [',', ';', '\t', '|'].reduce((a, b) =>
    line.split(b).length > line.split(a).length ? b : a,
  );
  return line.split(sep).map((h) => h.trim().replace(/^"|"$/g, ''));
};

export async function checkUploadFile(
  host: Pick<OperationHost, 'store' | 'readsFilesInProcess'>,
  source: FileSource,
  today: CalendarDate,
): Promise<UploadFileCheck> {
  const store: Store = host.store();
  const { fileName } = source;
  const { first, lines, bytes } = await skim(source);
  const base = { fileName, bytes, template: null, personalData: [] as string[] };
  if (/\.xml$/i.test(fileName)) {
    const report = await checkUntrusted(host, source, { today, format: 'xml' });
    const notIlr = report.findings.some(
      (f) => f.rule === 'XML_ROOT' || f.rule === 'XML_NOT_WELL_FORMED',
    );
    if (!notIlr)
      return {
        ...base,
        kind: 'xml',
        rows: report.records,
        errors: report.errors,
        warnings: report.warnings,
      };
    // Other XML is no data-portal CSV either; and the worker may have taken the bytes it held.
    return { ...base, kind: 'unchecked', rows: Math.max(0, lines - 1), errors: 0, warnings: 0 };
  } else if (parseAmendmentFileName(fileName).ok || AMD_FIRST_LINE.test(first.trim())) {
    const report = await checkUntrusted(host, source, { today, format: 'amd' });
    return {
      ...base,
      kind: 'amendment',
      rows: report.records,
      errors: report.errors,
      warnings: report.warnings,
    };
  }
  const header = splitHeader(first);
  const key = (cols: readonly string[]) => cols.map((c) => c.trim().toLowerCase()).join('\u0000');
  const format = store.formats.list().find((f) => key(f.columns) === key(header));
  if (format) {
    const r = await checkForTemplate(store, format.template, source);
    return {
      ...base,
      kind: 'portal',
      template: format.template,
      rows: r.rows,
      errors: r.errors,
      warnings: r.warnings,
    };
  }
  return {
    ...base,
    kind: 'unchecked',
    // The first line is taken for a header row only when it names columns.
    rows: Math.max(0, lines - 1),
    errors: 0,
    warnings: 0,
    personalData: personalColumns(header),
  };
}

const size = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} bytes`;

/** What the user confirms for a file ReturnDesk cannot check; the same words in every door. */
export function uncheckedWarning(c: UploadFileCheck): string {
  const what = `${c.fileName} (${size(c.bytes)}, ${c.rows.toLocaleString('en-GB')} row${c.rows === 1 ? '' : 's'}) is not an amendment file, an ILR XML file or a data-portal file of an imported format, so ReturnDesk cannot check it.`;
  return c.personalData.length > 0
    ? `${what} Its columns (${c.personalData.slice(0, 6).join(', ')}) look like a raw MIS extract: it may hold learners' personal data.`
    : what;
}

/** Refuses files that cannot be checked unless the user confirmed sending them unchecked. */
export function refuseUnchecked(checks: readonly UploadFileCheck[], confirmed: boolean): void {
  const unchecked = checks.filter((c) => c.kind === 'unchecked');
  if (confirmed || unchecked.length === 0) return;
  throw new OperationError(
    'INVALID_FILE',
    `${unchecked.map(uncheckedWarning).join(' ')} Nothing was sent; confirm to upload ${unchecked.length === 1 ? 'it' : 'them'} unchecked.`,
  );
}
