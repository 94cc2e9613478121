// The data portal's side (Ofqual's Data Portal): the data requests of an area, uploads made against
// them and nil returns. A request's status is never stored; it follows from its latest received
// upload and its nil return, so it cannot drift from them. HTTP lives elsewhere; refusals are the
// protocol's ApiError codes.
import { ApiError } from './http';
import type { Extranet } from './model';
import { RequestFileError, type RequestSpec } from './request-file';
import type { RequestRecord, StateFile, UploadRecord, VerificationMessage } from './state';

export const REQUEST_STATUSES = [
  'awaiting',
  'pending-verification',
  'accepted',
  'failed',
  'nil-return',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface RequestJson {
  id: string;
  areaId: string;
  period: string;
  template: string;
  opens: string;
  due: string;
  status: RequestStatus;
  uploadId: string | null;
  fileName: string | null;
  messages: VerificationMessage[];
  nilReturnAt: string | null;
  nilReturnBy: string | null;
}

const unknownRequest = () =>
  new ApiError(404, 'UNKNOWN_REQUEST', 'There is no data request with that id.');

const notAMember = () =>
  new ApiError(403, 'NOT_A_MEMBER', "Join this request's area with its group key first.");

/** Plain code-unit order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const label = (r: RequestRecord) => `${r.period} ${r.template}`;

export class DataRequests {
  constructor(
    private readonly file: StateFile,
    private readonly extranet: Extranet,
    /** Today's date, YYYY-MM-DD: Europe/London's, or --today's. */
    private readonly today: () => string,
  ) {}

  private get state() {
    return this.file.state;
  }

  /**
   * Applies the --requests entries, all or none: a request already known keeps its uploads and nil
   * return and takes the file's dates and columns. Throws RequestFileError for an unknown area.
   */
  async load(specs: readonly RequestSpec[]): Promise<void> {
    const resolved = specs.map((spec) => {
      const area = Object.values(this.state.areas).find((a) => a.name === spec.area);
      if (!area) {
        throw new RequestFileError(
          `${spec.where}: there is no area named "${spec.area}" (areas come from --area "NAME:GROUPKEY").`,
        );
      }
      const existing = this.state.requests[spec.id];
      if (existing && existing.areaId !== area.id) {
        // Its uploads were made in the old area; moving it would leave them behind.
        const was = this.state.areas[existing.areaId]?.name ?? existing.areaId;
        throw new RequestFileError(
          `${spec.where}: this request belongs to the area "${was}" and cannot move to "${spec.area}".`,
        );
      }
      return { spec, areaId: area.id, existing };
    });
    for (const { spec, areaId, existing } of resolved) {
      this.state.requests[spec.id] = {
        id: spec.id,
        areaId,
        period: spec.period,
        template: spec.template,
        opens: spec.opens,
        due: spec.due,
        columns: spec.columns,
        nilReturnAt: existing?.nilReturnAt ?? null,
        nilReturnBy: existing?.nilReturnBy ?? null,
      };
    }
    if (resolved.length > 0) await this.file.save();
  }

  /** The area's requests, by due date, then template. */
  list(user: string, areaId: string): RequestJson[] {
    this.extranet.requireMember(user, areaId);
    return Object.values(this.state.requests)
      .filter((r) => r.areaId === areaId)
      .sort((a, b) => byText(a.due, b.due) || byText(a.template, b.template) || byText(a.id, b.id))
      .map((r) => this.toJson(r));
  }

  /** Refuses, with the protocol's code, an upload that may not be made against this request. */
  checkUpload(user: string, areaId: string, requestId: string): void {
    const r = this.state.requests[requestId];
    if (!r) throw unknownRequest();
    if (r.areaId !== areaId) {
      throw new ApiError(
        400,
        'BAD_REQUEST',
        `The data request ${r.id} belongs to another area; upload it to the area ${r.areaId}.`,
      );
    }
    if (!this.extranet.isMember(user, r.areaId)) throw notAMember();
    this.requireOpen(r);
    const status = this.statusOf(r, this.latestUpload(r.id));
    if (status === 'accepted' || status === 'nil-return') throw closed(r, status);
  }

  /** Records "No data to submit". Recording it again is harmless. */
  async nilReturn(user: string, requestId: string): Promise<RequestJson> {
    const r = this.state.requests[requestId];
    if (!r) throw unknownRequest();
    if (!this.extranet.isMember(user, r.areaId)) throw notAMember();
    if (r.nilReturnAt !== null) return this.toJson(r);
    this.requireOpen(r);
    const status = this.statusOf(r, this.latestUpload(r.id));
    if (status === 'accepted') throw closed(r, status);
    if (status === 'pending-verification') {
      throw new ApiError(
        409,
        'PENDING',
        `The file sent for ${label(r)} is pending verification: wait for the verification result before recording a nil return.`,
      );
    }
    r.nilReturnAt = new Date().toISOString();
    r.nilReturnBy = user;
    await this.file.save();
    return this.toJson(r);
  }

  /** The template's columns for the CSV check; null when the request names none. */
  columnsOf(requestId: string): string[] | null {
    return this.state.requests[requestId]?.columns ?? null;
  }

  private requireOpen(r: RequestRecord): void {
    if (this.today() < r.opens) {
      throw new ApiError(
        409,
        'NOT_OPEN',
        `The collection for ${label(r)} opens on ${r.opens}; nothing can be sent for it before then.`,
      );
    }
  }

  /** The latest upload against the request whose last byte has arrived. */
  private latestUpload(requestId: string): UploadRecord | undefined {
    let latest: UploadRecord | undefined;
    for (const u of Object.values(this.state.uploads)) {
      if (u.request !== requestId || u.receivedAt === null) continue;
      if (!latest || (u.receivedOrder ?? 0) > (latest.receivedOrder ?? 0)) latest = u;
    }
    return latest;
  }

  private statusOf(r: RequestRecord, latest: UploadRecord | undefined): RequestStatus {
    if (r.nilReturnAt !== null) return 'nil-return';
    if (!latest || latest.status === 'receiving') return 'awaiting';
    return latest.status;
  }

  private toJson(r: RequestRecord): RequestJson {
    const latest = this.latestUpload(r.id);
    const status = this.statusOf(r, latest);
    return {
      id: r.id,
      areaId: r.areaId,
      period: r.period,
      template: r.template,
      opens: r.opens,
      due: r.due,
      status,
      uploadId: latest?.id ?? null,
      fileName: latest?.fileName ?? null,
      messages: status === 'failed' ? (latest?.messages ?? []) : [],
      nilReturnAt: r.nilReturnAt,
      nilReturnBy: r.nilReturnBy,
    };
  }
}

function closed(r: RequestRecord, status: 'accepted' | 'nil-return'): ApiError {
  const what = status === 'accepted' ? 'an accepted submission' : 'a nil return';
  return new ApiError(
    409,
    'CLOSED',
    `${label(r)} already has ${what}: the regulator must first reject the existing submission before a new file can be uploaded.`,
  );
}
