// Data requests and file formats as the screens and `portal requests --json` show them: each
// request with today's status wording (Europe/London days), its latest upload and its format.
import type { Store, StoredFileFormat } from '../store';
import type { DataRequestView, FileFormatView } from '../../shared/ipc/portal';
import { statusOf } from '../../shared/portal/request';
import { calendarDateIn } from '../../shared/dates';
import { formatIsoDate } from '../../shared/history/wording';

export function formatView(f: StoredFileFormat): FileFormatView {
  return {
    id: f.id,
    template: f.template,
    sourceName: f.sourceName,
    columns: f.columns,
    importedAt: f.importedAt,
    sha256: f.sha256,
  };
}

export function requestViews(
  store: Store,
  now: Date,
  filter: { destinationId?: number } = {},
): { today: string; requests: DataRequestView[] } {
  const today = calendarDateIn(now);
  const latest = store.requests.latestSent();
  const formats = new Map(store.formats.list().map((f) => [f.template.toLowerCase(), f]));
  const requests = store.requests.list(filter).map((r): DataRequestView => {
    const sent = latest.get(r.id) ?? null;
    const format = formats.get(r.template.toLowerCase());
    return {
      id: r.id,
      period: r.period,
      template: r.template,
      opens: r.opens,
      due: r.due,
      destination: r.destination,
      fromPortal: r.portalId !== null,
      status: statusOf(r, sent, today),
      latestUpload: sent
        ? { id: sent.id, fileName: sent.fileName, status: sent.status, receivedAt: sent.receivedAt }
        : null,
      nilReturn: r.nilReturn,
      format: format ? formatView(format) : null,
    };
  });
  return { today: formatIsoDate(today), requests };
}

export function requestView(store: Store, now: Date, id: number): DataRequestView {
  const found = requestViews(store, now).requests.find((r) => r.id === id);
  // The request was just read or written in this process: it exists unless the history changed.
  if (!found) throw new Error(`Data request ${id} vanished from the history.`);
  return found;
}
