// Valid amendment files to start from, and small edits that change one thing at a time. Each test
// builds the file it needs from these, so a reader sees exactly what differs from a valid file.
import type {
  AdditionType,
  DataSet,
  FileReport,
  Finding,
  RuleCode,
  ValidateOptions,
} from '../../../shared/amd';
import { splitFieldList, validateAmendmentText } from '../../../shared/amd';
import type { IlrCatalogue } from '../../../shared/ilr/catalogue';
import { PROVIDER_FIELD, catalogueFor } from '../../../shared/ilr/catalogue';

export const UPIN = '105432';

function loadCatalogue(): IlrCatalogue {
  const cat = catalogueFor('2010-11');
  if (!cat) throw new Error('the 2010-11 catalogue is missing');
  return cat;
}
export const CAT_2010_11 = loadCatalogue();

/** A file name and its lines (header lines 1-12, then records), before line breaks are added. */
export interface Draft {
  fileName: string;
  lines: string[];
}

/** The change file of the examples: learning start dates (A27) corrected for three aims. */
export function changeDraft(upin = UPIN): Draft {
  return {
    fileName: `chg${upin}A01.amd`,
    lines: [
      `chg${upin}A01`,
      '14032011',
      'Learning start dates (A27) corrected - reference number 1',
      'CHANGE',
      'A01,A03,A05,A48a,A48b',
      'A27',
      '3',
      'A05',
      '4',
      '',
      '',
      'A01,A03,A05,A48a,A48b,A27',
      `${upin},000012345678,01,,,01092010`,
      `${upin},000012345678,02,,,01092010`,
      `${upin},000098765432,01,HNC,,15092010`,
    ],
  };
}

/** A deletion file for the HE data set, keyed by the recommended H01, H03, H05, H09. */
export function deleteDraft(upin = UPIN): Draft {
  return {
    fileName: `del${upin}H01.amd`,
    lines: [
      `del${upin}H01`,
      '14032011',
      'HE records wrongly included - reference number 3',
      'DELETE',
      'H01,H03,H05,H09',
      '',
      '2',
      'H05',
      '3',
      'Deleted at the request of the registry',
      '',
      'H01,H03,H05,H09',
      `${upin},000012345678,01,0001`,
      `${upin},000012345678,02,0001`,
    ],
  };
}

/**
 * An addition file with every 2010-11 field of its data set, two records, provider and
 * identifying values filled in, and field 05 (a small number) as the checksum.
 */
export function addDraft(
  dataSet: DataSet,
  additionType: AdditionType,
  seq = 1,
  upin = UPIN,
): Draft {
  const reference = `add${upin}${dataSet}${additionType}${String(seq).padStart(2, '0')}`;
  const fields = CAT_2010_11.dataSets[dataSet].fields.map((f) => f.code);
  const record = (i: number) =>
    fields
      .map((f) => {
        if (f === PROVIDER_FIELD[dataSet]) return upin;
        if (f === `${dataSet}03`) return `00001234567${i}`;
        if (f === `${dataSet}05`) return `0${i}`;
        return '';
      })
      .join(',');
  return {
    fileName: `${reference}.amd`,
    lines: [
      reference,
      '14032011',
      'Records omitted from the original return - reference number 2',
      'ADD',
      '',
      '',
      '2',
      `${dataSet}05`,
      '3',
      '',
      '',
      fields.join(','),
      record(1),
      record(2),
    ],
  };
}

/** Replaces line `n` (1-based). */
export function withLine(d: Draft, n: number, text: string): Draft {
  const lines = [...d.lines];
  lines[n - 1] = text;
  return { ...d, lines };
}

/** Inserts `text` so that it becomes line `n`. */
export function withInserted(d: Draft, n: number, text: string): Draft {
  const lines = [...d.lines];
  lines.splice(n - 1, 0, text);
  return { ...d, lines };
}

/** Sets one value of the record on line `n`, finding the column by its field on line 12. */
export function withValue(d: Draft, n: number, field: string, value: string): Draft {
  const column = splitFieldList(d.lines[11] ?? '').indexOf(field);
  const values = (d.lines[n - 1] ?? '').split(',');
  if (column < 0 || n <= 12 || n > d.lines.length) throw new Error(`no ${field} on line ${n}`);
  values[column] = value;
  return withLine(d, n, values.join(','));
}

/** Adds a field to line 12 and a value for it to every record. */
export function withField(d: Draft, field: string, value: string): Draft {
  return {
    ...d,
    lines: d.lines.map((l, i) => (i === 11 ? `${l},${field}` : i > 11 ? `${l},${value}` : l)),
  };
}

/** Sets lines 7 and 9 to what the records say, so an edit to the records changes one thing. */
export function withTotals(d: Draft): Draft {
  const records = d.lines.slice(12).filter((l) => l !== '');
  const column = splitFieldList(d.lines[11] ?? '').indexOf((d.lines[7] ?? '').trim());
  const sum = records.reduce((s, r) => s + BigInt(r.split(',')[column] ?? '0'), 0n);
  return withLine(withLine(d, 7, String(records.length)), 9, String(sum));
}

export interface TextOptions {
  eol?: string;
  /** The line break after the final record, which the guide asks for. */
  finalBreak?: boolean;
  bom?: boolean;
}

export function render(d: Draft, o: TextOptions = {}): string {
  const eol = o.eol ?? '\r\n';
  return (
    (o.bom ? '\uFEFF' : '') +
    d.lines.join(eol) +
    (o.finalBreak === false || !d.lines.length ? '' : eol)
  );
}

export type CheckOptions = Partial<Omit<ValidateOptions, 'onRecord'>> & TextOptions;

export function check(d: Draft, o: CheckOptions = {}): FileReport {
  const { eol, finalBreak, bom, ...opts } = o;
  return validateAmendmentText(render(d, { eol, finalBreak, bom }), {
    fileName: d.fileName,
    ...opts,
  });
}

export function checkText(
  text: string,
  fileName: string,
  o: Partial<Omit<ValidateOptions, 'onRecord'>> = {},
): FileReport {
  return validateAmendmentText(text, { fileName, ...o });
}

export function findingsFor(report: FileReport, code: RuleCode): Finding[] {
  return report.findings.filter((f) => f.rule === code);
}

export function codesOf(report: FileReport): string[] {
  return report.findings.map((f) => f.rule);
}

/** Gives the file a new name and makes line 1 match it. */
export function named(d: Draft, reference: string): Draft {
  return withLine({ ...d, fileName: `${reference}.amd` }, 1, reference);
}

/** Removes a field from line 12 and its value from every record. */
export function withoutField(d: Draft, field: string): Draft {
  const column = splitFieldList(d.lines[11] ?? '').indexOf(field);
  if (column < 0) throw new Error(`no ${field} on line 12`);
  const drop = (l: string) =>
    l
      .split(',')
      .filter((_, i) => i !== column)
      .join(',');
  return { ...d, lines: d.lines.map((l, i) => (i >= 11 ? drop(l) : l)) };
}
