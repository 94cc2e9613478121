import { describe, expect, it } from 'vitest';
import type { CsvCheckView, DataRequestView } from '../../../shared/ipc/portal';
import type { CsvFinding } from '../../../shared/portal/csv-check';
import type { ReceiptView } from '../../../shared/ipc/views';
import {
  FINDINGS_SHOWN,
  acknowledgementLabel,
  canConfirm,
  checkSummary,
  confirmFacts,
  confirmQuestion,
  findingsCsv,
  findingsFileName,
  needsAcknowledgement,
  progressText,
  rowText,
  shownFindings,
  uploadBlocked,
  uploadInput,
  uploadedText,
} from '../../../renderer/screens/portal/upload-model';

const request: Pick<DataRequestView, 'period' | 'template' | 'due' | 'destination' | 'status'> = {
  period: 'June 2019',
  template: 'SpecificationCodes',
  due: '2019-04-03',
  destination: 'Ofqual portal',
  status: { text: 'Due in 6 days', tab: 'current', tone: 'warning', canUpload: true, detail: null },
};

const finding = (over: Partial<CsvFinding> = {}): CsvFinding => ({
  rule: 'CSV_VALUE_PATTERN',
  severity: 'error',
  row: 3,
  column: 'QualificationNumber',
  value: '6012345X',
  message: 'QualificationNumber should be 8 characters: 7 digits and a check character.',
  ...over,
});

const check = (over: Partial<CsvCheckView> = {}): CsvCheckView => ({
  file: 'Test_ExamsTimetable_v2.csv',
  template: 'SpecificationCodes',
  format: { sourceName: 'SpecificationCodes-format.csv', importedAt: '2019-03-01T09:00:00Z' },
  valid: true,
  rows: 120,
  errors: 0,
  warnings: 0,
  findings: [],
  ...over,
});

const withErrors = check({ valid: false, errors: 3, findings: [finding(), finding(), finding()] });
const file = { fileName: 'Test_ExamsTimetable_v2.csv', base64: 'QQ==' };

describe('the upload confirmation', () => {
  it('asks the guide’s question word for word, naming the file', () => {
    expect(confirmQuestion('Test_ExamsTimetable_v2.csv')).toBe(
      'Are you sure you want to upload "Test_ExamsTimetable_v2.csv" for this submission?',
    );
  });

  it('lists the Reporting Period, Template and Due Date as the guide does', () => {
    expect(confirmFacts(request)).toEqual([
      ['Reporting Period', 'June 2019'],
      ['Template', 'SpecificationCodes'],
      ['Due Date', '3rd Apr 2019'],
    ]);
  });
});

describe('a file with errors', () => {
  it('needs the user to say they know before it may be sent', () => {
    expect(needsAcknowledgement(withErrors)).toBe(true);
    expect(canConfirm(withErrors, false)).toBe(false);
    expect(canConfirm(withErrors, true)).toBe(true);
  });

  it('says how many errors the user is acknowledging, in the singular too', () => {
    expect(acknowledgementLabel(withErrors)).toBe(
      'I know this file has 3 errors and want to upload it anyway',
    );
    expect(acknowledgementLabel(check({ valid: false, errors: 1 }))).toBe(
      'I know this file has 1 error and want to upload it anyway',
    );
  });

  it('is sent with acknowledgeErrors only once acknowledged', () => {
    expect(uploadInput(7, file, withErrors, true, 'pw')).toEqual({
      requestId: 7,
      file,
      acknowledgeErrors: true,
      password: 'pw',
    });
    expect(uploadInput(7, file, withErrors, false).acknowledgeErrors).toBe(false);
  });
});

describe('a valid file, or one with warnings only', () => {
  it('needs no acknowledgement and is never sent as acknowledged', () => {
    const warned = check({ warnings: 2, findings: [finding({ severity: 'warning' })] });
    for (const c of [check(), warned]) {
      expect(needsAcknowledgement(c)).toBe(false);
      expect(canConfirm(c, false)).toBe(true);
      expect(uploadInput(7, file, c, true).acknowledgeErrors).toBe(false);
    }
  });

  it('is also what a check without a file format gives: only the upload is done', () => {
    const none = check({ format: null, rows: 0 });
    expect(canConfirm(none, false)).toBe(true);
  });
});

describe('the check’s summary', () => {
  it('says a valid file is valid, with the rows and the format it was checked against', () => {
    const s = checkSummary(check());
    expect(s.intent).toBe('success');
    expect(s.title).toBe('Test_ExamsTimetable_v2.csv is valid');
    expect(s.text).toBe(
      '120 rows checked against SpecificationCodes-format.csv (imported 01/03/2019 09:00): no errors.',
    );
  });

  it('mentions warnings without calling them errors', () => {
    const s = checkSummary(check({ warnings: 1 }));
    expect(s.intent).toBe('warning');
    expect(s.text).toMatch(/no errors, with 1 warning to look at\.$/);
  });

  it('counts the errors of a file that fails', () => {
    const s = checkSummary(withErrors);
    expect(s.intent).toBe('error');
    expect(s.title).toBe('Test_ExamsTimetable_v2.csv has 3 errors');
    expect(s.text).toMatch(/upload it anyway/);
  });

  it('says when no file format is attached, so only the upload is done, and how to attach one', () => {
    const s = checkSummary(check({ format: null }));
    expect(s.intent).toBe('warning');
    expect(s.title).toBe('No file format is attached to the template SpecificationCodes');
    expect(s.text).toMatch(/^So only the upload is done/);
    expect(s.text).toMatch(/import the template’s file format under File formats/);
  });
});

describe('the findings', () => {
  it('give the header as row 1 and a whole-file finding as File', () => {
    expect(rowText(1)).toBe('1');
    expect(rowText(null)).toBe('File');
  });

  it('are drawn up to a limit, the rest counted', () => {
    const many = Array.from({ length: FINDINGS_SHOWN + 5 }, (_, i) => finding({ row: i + 2 }));
    const shown = shownFindings(many);
    expect(shown.rows).toHaveLength(FINDINGS_SHOWN);
    expect(shown.hidden).toBe(5);
    expect(shownFindings([finding()]).hidden).toBe(0);
  });

  it('are saved as CSV with row, column, value, severity, message and code, quoted where needed', () => {
    const csv = findingsCsv(
      check({
        findings: [
          finding({ value: 'a,"b"' }),
          finding({ row: null, column: null, value: null, rule: 'CSV_NO_DATA' }),
          finding({ value: '=SUM(A1)', severity: 'warning', rule: 'CSV_EXCEL_DATE' }),
        ],
      }),
    );
    expect(csv.split('\r\n')).toEqual([
      'Row,Column,Value,Severity,Message,Code',
      '3,QualificationNumber,"a,""b""",error,QualificationNumber should be 8 characters: 7 digits and a check character.,CSV_VALUE_PATTERN',
      ',,,error,QualificationNumber should be 8 characters: 7 digits and a check character.,CSV_NO_DATA',
      '3,QualificationNumber,"\'=SUM(A1)",warning,QualificationNumber should be 8 characters: 7 digits and a check character.,CSV_EXCEL_DATE',
      '',
    ]);
    expect(findingsFileName('Test_ExamsTimetable_v2.csv')).toBe('Test_ExamsTimetable_v2-check.csv');
  });

  it('keep a value starting with a tab or carriage return as text, as the command line does', () => {
    const csv = findingsCsv(
      check({ findings: [finding({ value: '\t=1+1' }), finding({ value: '\r@x' })] }),
    );
    expect(csv).toContain(`,"'\t=1+1",`);
    expect(csv).toContain(`,"'\r@x",`);
  });
});

describe('sending', () => {
  it('is refused here for a request that is not open, or has no destination', () => {
    expect(uploadBlocked(request)).toBeNull();
    expect(
      uploadBlocked({
        ...request,
        status: { ...request.status, text: 'Upload pending verification', canUpload: false },
      }),
    ).toBe(
      'SpecificationCodes for June 2019 cannot take a file now (Upload pending verification).',
    );
    expect(uploadBlocked({ ...request, destination: null })).toMatch(
      /without a destination, so ReturnDesk cannot send the file/,
    );
  });

  it('reports progress in bytes, rate and time left', () => {
    expect(progressText(null)).toBe('Sending the file…');
    expect(
      progressText({ fileName: 'a.csv', sent: 512, total: 2048, rate: 1024, secondsLeft: 1.5 }),
    ).toBe('512 bytes of 2.0 KB sent, 1.0 KB/s, about 2 seconds left');
  });

  it('ends with the guide’s next status', () => {
    const receipt = { file: 'a.csv', bytes: 2048 } as ReceiptView;
    expect(uploadedText(request, receipt)).toMatch(
      /^a\.csv was sent for SpecificationCodes for June 2019 \(2\.0 KB, SHA-256 checked\)\. Its status is now Upload pending verification/,
    );
  });
});
