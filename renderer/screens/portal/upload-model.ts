// Uploading a CSV against a data request, apart from drawing: what the check says, the guide's
// confirmation ("Are you sure you want to upload …"), the acknowledgement a file with errors needs
// before it may be sent, and the upload's input and outcome.
import type { Events, Input } from '../../../shared/ipc/contract';
import type { CsvCheckView, DataRequestView } from '../../../shared/ipc/portal';
import type { CsvFinding } from '../../../shared/portal/csv-check';
import type { ReceiptView } from '../../../shared/ipc/views';
import { plural } from '../../../shared/history/wording';
import { csvText } from '../../../shared/csv/cell';
import { formatBytes, formatDateTime, formatPortalDate } from '../../app/format';
import { formatTimeLeft } from '../uploads/upload-model';
import { requestName } from './portal-model';

/** The file as it crosses to main: its name and bytes, never a path. */
export interface ChosenFile {
  fileName: string;
  base64: string;
}

/** The Ofqual portal's question, word for word. */
export function confirmQuestion(fileName: string): string {
  return `Are you sure you want to upload "${fileName}" for this submission?`;
}

/** The facts under the question, as the guide lists them. */
export function confirmFacts(
  r: Pick<DataRequestView, 'period' | 'template' | 'due'>,
): [string, string][] {
  return [
    ['Reporting Period', r.period],
    ['Template', r.template],
    ['Due Date', formatPortalDate(r.due)],
  ];
}

/** A file the check found errors in may still be sent, but only once the user says they know. */
export const needsAcknowledgement = (check: CsvCheckView): boolean =>
  !check.valid || check.errors > 0;

export function acknowledgementLabel(check: CsvCheckView): string {
  return `I know this file has ${plural(check.errors, 'error')} and want to upload it anyway`;
}

/** Whether the confirmation's Upload button may be pressed. */
export const canConfirm = (check: CsvCheckView, acknowledged: boolean): boolean =>
  !needsAcknowledgement(check) || acknowledged;

export function uploadInput(
  requestId: number,
  file: ChosenFile,
  check: CsvCheckView,
  acknowledged: boolean,
  password?: string,
): Input<'portal.upload'> {
  return {
    requestId,
    file,
    acknowledgeErrors: needsAcknowledgement(check) && acknowledged,
    password,
  };
}

export interface CheckSummary {
  intent: 'success' | 'warning' | 'error';
  title: string;
  text: string;
}

/** The check in a heading and a sentence; the findings table follows it. */
export function checkSummary(check: CsvCheckView): CheckSummary {
  if (check.format === null) {
    return {
      intent: 'warning',
      title: `No file format is attached to the template ${check.template}`,
      text: `So only the upload is done: ReturnDesk cannot check ${check.file} before it is sent, and the portal checks it after it arrives. To check files first, import the template’s file format under File formats on the Data portal screen.`,
    };
  }
  const against = `against ${check.format.sourceName} (imported ${formatDateTime(check.format.importedAt)})`;
  const warnings = check.warnings ? `, with ${plural(check.warnings, 'warning')} to look at` : '';
  if (!needsAcknowledgement(check)) {
    return {
      intent: check.warnings ? 'warning' : 'success',
      title: `${check.file} is valid`,
      text: `${plural(check.rows, 'row')} checked ${against}: no errors${warnings}.`,
    };
  }
  return {
    intent: 'error',
    title: `${check.file} has ${plural(check.errors, 'error')}`,
    text: `${plural(check.rows, 'row')} checked ${against}${warnings}. The portal is likely to reject it: correct the file and choose it again, or upload it anyway if you know why.`,
  };
}

/** The findings drawn on screen; all of them go into the CSV. */
export const FINDINGS_SHOWN = 200;

export function shownFindings(findings: readonly CsvFinding[]): {
  rows: CsvFinding[];
  hidden: number;
} {
  return {
    rows: findings.slice(0, FINDINGS_SHOWN),
    hidden: Math.max(0, findings.length - FINDINGS_SHOWN),
  };
}

/** The header is row 1, as the check counts; a finding about the whole file has no row. */
export const rowText = (row: number | null): string => (row === null ? 'File' : String(row));

/** Every finding as CSV, for the data officer to work through in Excel. */
export function findingsCsv(check: CsvCheckView): string {
  const head = ['Row', 'Column', 'Value', 'Severity', 'Message', 'Code'];
  const lines = check.findings.map((f) => [
    f.row,
    f.column,
    f.value,
    f.severity,
    f.message,
    f.rule,
  ]);
  return csvText([head, ...lines]);
}

export const findingsFileName = (fileName: string): string =>
  `${fileName.replace(/\.[^.]*$/, '')}-check.csv`;

export type Progress = Events['upload.progress'];

/** Progress in bytes, rate and time left, as the upload queue says it. */
export function progressText(p: Progress | null): string {
  // Until the first progress event (main may send none for a small file), the bar just moves.
  if (!p) return 'Sending the file…';
  return `${formatBytes(p.sent)} of ${formatBytes(p.total)} sent, ${formatBytes(Math.round(p.rate))}/s, ${formatTimeLeft(p.secondsLeft)}`;
}

/** What the list says once the file is sent: the guide's next status, and what happens next. */
export function uploadedText(
  r: Pick<DataRequestView, 'template' | 'period'>,
  receipt: ReceiptView,
) {
  return `${receipt.file} was sent for ${requestName(r)} (${formatBytes(receipt.bytes)}, SHA-256 checked). Its status is now Upload pending verification: press Refresh later to see whether it passed the portal’s checks.`;
}

/**
 * Why the file cannot be sent from here, if it cannot: the request is not open for uploads (main
 * would refuse it), or was added without a destination (it can be checked, then sent on the portal).
 */
export function uploadBlocked(
  r: Pick<DataRequestView, 'destination' | 'template' | 'period' | 'status'>,
): string | null {
  if (!r.status.canUpload) return `${requestName(r)} cannot take a file now (${r.status.text}).`;
  return r.destination === null
    ? 'This request was added here without a destination, so ReturnDesk cannot send the file: check it here, then upload it on the portal’s own website.'
    : null;
}
