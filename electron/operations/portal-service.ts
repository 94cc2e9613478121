// Data portal returns over the network: the schedule synced from each portal, a file uploaded
// against its data request, and "No data to submit". Local rules come first (nothing is sent for a
// request that is not open or already settled), then the portal has the last word. The history
// and the transfers are strung together here, for the portal's operations (portal.ts).
import type { Destination, Upload } from '../store';
import type { DataRequest } from '../../shared/portal/request';
import { statusOf } from '../../shared/portal/request';
import type { RequestStatus } from '../../shared/portal/status';
import type { FileSource } from '../../shared/ipc/source';
import { calendarDateIn } from '../../shared/dates';
import { StoreError } from '../store';
import { UploadService } from './upload-service';
import type { UploadServiceOptions } from './upload-service';
import { UploadError } from '../upload/upload-error';

export interface PortalServiceOptions extends UploadServiceOptions {
  now: () => Date;
}

export interface SyncOutcome {
  destinations: { name: string; added: number; updated: number }[];
  /** One line per destination that could not be asked, for the caller to show. */
  problems: string[];
  /** Destinations that could not be asked because no password is stored for them. */
  needPassword: string[];
}

export class PortalService {
  private readonly uploads: UploadService;

  constructor(private readonly o: PortalServiceOptions) {
    this.uploads = new UploadService(o);
  }

  /** The request's status today, as the dashboard shows it. */
  status(r: DataRequest): RequestStatus {
    const latest = this.o.store.requests.latestSent().get(r.id) ?? null;
    return statusOf(r, latest, calendarDateIn(this.o.now()));
  }

  /**
   * Asks each portal for its requests. With a name, that destination's failure is an error;
   * without, every destination is asked and failures are reported one line each.
   */
  async sync(destinationName?: string): Promise<SyncOutcome> {
    const { store } = this.o;
    const targets = destinationName
      ? [store.destinations.get(destinationName)]
      : store.destinations.list();
    const outcome: SyncOutcome = { destinations: [], problems: [], needPassword: [] };
    for (const d of targets) {
      try {
        const counts = await this.syncOne(d);
        outcome.destinations.push({ name: d.name, ...counts });
      } catch (e) {
        if (destinationName) throw e;
        // An extranet upload area that is not a data portal has no requests to list.
        if (e instanceof UploadError && e.status === 404) continue;
        if (e instanceof UploadError && e.code === 'NO_PASSWORD') {
          outcome.needPassword.push(d.name);
          continue;
        }
        outcome.problems.push(`${d.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    // Verification results of our own uploads come from their receipts.
    await this.uploads.refreshStatuses(destinationName);
    outcome.problems.push(...this.uploads.problems);
    return outcome;
  }

  private async syncOne(d: Destination): Promise<{ added: number; updated: number }> {
    const client = this.uploads.client(d);
    const areaId = await this.uploads.uploader(d, client).ensureArea();
    const listed = await client.requests(areaId).catch((e: unknown) => {
      if (e instanceof UploadError && e.status === 404)
        throw new UploadError(
          'PROTOCOL',
          `'${d.name}' lists no data requests: it is an upload area, not a data portal.`,
          404,
        );
      throw e;
    });
    return this.o.store.requests.sync(
      d.id,
      listed.map((p) => ({
        id: p.id,
        period: p.period,
        template: p.template,
        opens: p.opens,
        due: p.due,
        status: p.status,
        messages: p.messages.map((m) => ({
          code: m.code,
          message: m.message,
          line: m.line ?? null,
        })),
        fileName: p.fileName,
        nilReturnAt: p.nilReturnAt,
        nilReturnBy: p.nilReturnBy,
      })),
    );
  }

  /** Uploads a file against its request; the caller has checked it and the user has confirmed. */
  async upload(requestId: number, file: FileSource): Promise<Upload> {
    const { store } = this.o;
    const r = store.requests.get(requestId);
    const d = this.destinationOf(r, 'upload a file');
    const status = this.status(r);
    if (!status.canUpload)
      throw new StoreError(
        'INVALID_STATE',
        `${describe(r)} cannot take a file now (${status.text}).${hint(status)}`,
      );
    // Copied into the history first, so what was sent can always be shown.
    const stored = await store.content.putStream(file.open());
    const uploader = this.uploads.uploader(d);
    await uploader.ensureArea();
    return this.uploads.transfer(uploader, d, {
      fileName: file.fileName,
      sha256: stored.sha256,
      fileId: null,
      batchId: null,
      request: { id: r.id, portalId: r.portalId },
    });
  }

  /** "No data to submit": recorded on the portal first when the request came from one. */
  async nilReturn(requestId: number): Promise<DataRequest> {
    const { store } = this.o;
    const r = store.requests.get(requestId);
    const status = this.status(r);
    if (r.nilReturn) return r;
    if (!status.canUpload)
      throw new StoreError(
        'INVALID_STATE',
        `A nil return cannot be recorded for ${describe(r)} now (${status.text}).${hint(status)}`,
      );
    if (r.portalId === null) return store.requests.recordNilReturn(r.id);
    const d = this.destinationOf(r, 'record a nil return');
    const client = this.uploads.client(d);
    await this.uploads.uploader(d, client).ensureArea();
    const answer = await client.nilReturn(r.portalId);
    return store.requests.recordNilReturn(
      r.id,
      answer.nilReturnBy ?? d.username,
      answer.nilReturnAt ?? this.o.now().toISOString(),
    );
  }

  private destinationOf(r: DataRequest, doing: string): Destination {
    if (r.destinationId === null)
      throw new StoreError(
        'INVALID_STATE',
        `${describe(r)} was added here without a destination, so ReturnDesk cannot ${doing} for it; do that on the portal's own website.`,
      );
    return this.o.store.destinations.byId(r.destinationId);
  }
}

export function describe(r: DataRequest): string {
  return `${r.template} for ${r.period}`;
}

function hint(s: RequestStatus): string {
  if (s.text === 'Upload pending verification')
    return ' Wait for the verification result (refresh the statuses).';
  if (s.text === 'Accepted')
    return ' To correct accepted data, the regulator must first reject the existing submission.';
  if (s.text.startsWith('Collection open in')) return ' Come back when the collection opens.';
  return '';
}
