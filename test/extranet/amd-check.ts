// The regulator's side of an .amd file: the few checks HEFCE made on arrival (record count and file
// checksum, computed from the bytes received). Written from the published header description alone
// and sharing no code with ReturnDesk, so a bug in ReturnDesk's builder cannot hide itself here.
// It streams the file line by line: a 1 GiB upload is checked in constant memory.
import { LineTooLong, MAX_LINE_BYTES, Report, linesOf } from './check-support';
import type { VerificationMessage } from './state';

const HEADER_LINES = 12;
const WHOLE = /^-?\d+$/;
const COUNT = /^\d+$/;

/** Messages for an .amd file; an empty list means the file passed. */
export async function checkAmd(path: string): Promise<VerificationMessage[]> {
  const report = new Report();
  const header: string[] = [];
  let fields: string[] = [];
  let checksumAt = -1;
  let records = 0;
  let sum = 0n;
  let lineNo = 0;
  try {
    for await (const line of linesOf(path, 'latin1')) {
      lineNo++;
      if (lineNo <= HEADER_LINES) {
        header.push(line);
        if (lineNo === HEADER_LINES) ({ fields, checksumAt } = readHeader(header, report));
        continue;
      }
      // The guide asks for a blank line after the last record: blank lines are not records.
      if (line.trim() === '') continue;
      records++;
      if (fields.length === 0) continue;
      const values = line.split(',');
      if (values.length !== fields.length) {
        report.add(
          'RECORD_FIELDS',
          `Line ${lineNo} has ${values.length} values, but line 12 lists ${fields.length} fields.`,
          lineNo,
        );
        continue;
      }
      if (checksumAt < 0) continue;
      const value = (values[checksumAt] ?? '').trim();
      if (WHOLE.test(value)) sum += BigInt(value);
      else {
        report.add(
          'CHECKSUM',
          `Line ${lineNo}: the checksum field ${fields[checksumAt]} holds "${value}", which is not a whole number.`,
          lineNo,
        );
      }
    }
  } catch (e) {
    if (!(e instanceof LineTooLong)) throw e;
    report.add(
      'LINE_TOO_LONG',
      `Line ${lineNo + 1} is longer than ${MAX_LINE_BYTES} bytes.`,
      lineNo + 1,
    );
    return report.finish();
  }

  if (lineNo < HEADER_LINES) {
    report.add(
      'HEADER',
      `The file has ${lineNo} lines; an amendment file starts with ${HEADER_LINES} header lines.`,
      null,
    );
    return report.finish();
  }
  const declared = (header[6] ?? '').trim();
  if (COUNT.test(declared) && BigInt(declared) !== BigInt(records)) {
    report.add(
      'RECORD_COUNT',
      `Line 7 says the file has ${declared} records, but it has ${records}.`,
      7,
    );
  }
  // The total means something only when every record's checksum value could be read.
  const checksumLine = (header[8] ?? '').trim();
  if (checksumAt >= 0 && !report.has('CHECKSUM') && !report.has('RECORD_FIELDS')) {
    if (BigInt(checksumLine) !== sum) {
      report.add(
        'CHECKSUM',
        `Line 9 gives the checksum ${checksumLine}, but the ${fields[checksumAt]} values of the records add up to ${sum}.`,
        9,
      );
    }
  }
  return report.finish();
}

/** Checks lines 7, 8, 9 and 12; returns the field list and where the checksum field is in it. */
function readHeader(header: string[], report: Report): { fields: string[]; checksumAt: number } {
  const count = (header[6] ?? '').trim();
  if (!COUNT.test(count)) {
    report.add('HEADER', `Line 7 should be the number of records; it is "${count}".`, 7);
  }
  const fieldLine = (header[11] ?? '').trim();
  const fields = fieldLine === '' ? [] : fieldLine.split(',').map((f) => f.trim());
  if (fields.length === 0) {
    report.add('HEADER', 'Line 12 should list the fields of every record; it is empty.', 12);
  }
  const checksumField = (header[7] ?? '').trim();
  let checksumAt = fields.indexOf(checksumField);
  if (checksumField === '' || checksumAt < 0) {
    report.add(
      'HEADER',
      `Line 8 should name the checksum field, one of the fields on line 12; it is "${checksumField}".`,
      8,
    );
    checksumAt = -1;
  }
  const total = (header[8] ?? '').trim();
  if (!WHOLE.test(total)) {
    report.add(
      'HEADER',
      `Line 9 should be the file checksum, a whole number; it is "${total}".`,
      9,
    );
    checksumAt = -1;
  }
  return { fields, checksumAt };
}

/** Anything that is not an .amd file is accepted as long as it is not empty. */
export function checkOther(bytes: number): VerificationMessage[] {
  return bytes > 0 ? [] : [{ code: 'EMPTY', message: 'The file is empty.', line: null }];
}
