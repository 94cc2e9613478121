// Data requests and check findings as the portal commands print them: a table or one line each for
// people, the README's field names with --json.
import type { DataRequestView } from '../../shared/ipc/portal';
import type { CsvFinding } from '../../shared/portal/csv-check';
import { table } from './session';

export const requestJson = (r: DataRequestView) => ({
  id: r.id,
  period: r.period,
  template: r.template,
  opens: r.opens,
  due: r.due,
  status: r.status.text,
  tab: r.status.tab,
  canUpload: r.status.canUpload,
  detail: r.status.detail,
  destination: r.destination,
  fromPortal: r.fromPortal,
  upload: r.latestUpload,
  nilReturn: r.nilReturn,
  format: r.format ? r.format.sourceName : null,
});

export function requestTable(list: DataRequestView[]): string {
  if (list.length === 0)
    return "No data requests yet. Sync them with --destination NAME, or add them with 'portal request add'.\n";
  return table(
    ['Id', 'Reporting period', 'Template', 'Opens', 'Due', 'Status', 'Destination'],
    list.map((r) => [
      r.id,
      r.period,
      r.template,
      r.opens,
      r.due,
      r.status.detail ? `${r.status.text}: ${r.status.detail}` : r.status.text,
      r.destination,
    ]),
  );
}

export const findingLine = (f: CsvFinding) =>
  `  ${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${f.rule}: ${f.message}\n`;
