// Data requests: the portal's schedule of templates per reporting period, synced from the portal
// or added here. Every change is one transaction with its audit entry; a sync writes all of a
// portal's requests or none.
import type {
  DataRequest,
  PortalMessage,
  PortalRequestStatus,
  RequestUpload,
} from '../../shared/portal/request';
import { SELECT, checkRequestDates, collectionOpens, toRequest } from './data-request-rows';
import type { Row } from './data-request-rows';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

export interface NewDataRequest {
  period: string;
  template: string;
  /** Absent: the collection opens on the due date (see collectionOpens). */
  opens?: string | null;
  due: string;
  destinationId?: number | null;
}

/** One request as the portal lists it. */
export interface PortalRequest {
  id: string;
  period: string;
  template: string;
  /** Absent: the collection opens on the due date (see collectionOpens). */
  opens?: string | null;
  due: string;
  status: PortalRequestStatus;
  messages: PortalMessage[];
  fileName: string | null;
  nilReturnAt: string | null;
  nilReturnBy: string | null;
}

export class DataRequests {
  constructor(
    private readonly ctx: StoreContext,
    private readonly user: () => string,
  ) {}

  add(input: NewDataRequest): DataRequest {
    return inTransaction(this.ctx, () => this.insert(input));
  }

  /** A whole schedule in one go: any bad row refuses all; rows already known are skipped. */
  addMany(rows: readonly NewDataRequest[]): { added: DataRequest[]; skipped: number } {
    return inTransaction(this.ctx, () => {
      const added: DataRequest[] = [];
      let skipped = 0;
      for (const row of rows) {
        if (this.findLocal(row)) skipped++;
        else added.push(this.insert(row));
      }
      return { added, skipped };
    });
  }

  /** The portal's list replaces what it said before; our uploads and nil returns stay. */
  sync(
    destinationId: number,
    listed: readonly PortalRequest[],
  ): { added: number; updated: number } {
    return inTransaction(this.ctx, () => {
      const now = this.ctx.now().toISOString();
      let added = 0;
      let updated = 0;
      for (const p of listed) {
        const opens = collectionOpens(p);
        checkRequestDates({ ...p, opens });
        const existing = this.ctx.db
          .prepare('SELECT id FROM data_requests WHERE destination_id = ? AND portal_id = ?')
          .get(destinationId, p.id) as { id: number } | undefined;
        const values = {
          period: p.period.trim(),
          template: p.template.trim(),
          opens,
          due: p.due,
          status: p.status,
          messages: JSON.stringify(p.messages),
          fileName: p.fileName,
          now,
          nilAt: p.status === 'nil-return' ? (p.nilReturnAt ?? now) : null,
          nilBy: p.status === 'nil-return' ? (p.nilReturnBy ?? 'the portal') : null,
        };
        if (existing) {
          this.ctx.db
            .prepare(
              `UPDATE data_requests SET period = @period, template = @template, opens = @opens, due = @due,
                 portal_status = @status, portal_messages = @messages, portal_file_name = @fileName, synced_at = @now,
                 nil_return_at = coalesce(nil_return_at, @nilAt), nil_return_by = coalesce(nil_return_by, @nilBy)
               WHERE id = @id`,
            )
            .run({ ...values, id: existing.id });
          updated++;
        } else {
          this.ctx.db
            .prepare(
              `INSERT INTO data_requests (destination_id, portal_id, period, template, opens, due, portal_status,
                 portal_messages, portal_file_name, synced_at, nil_return_at, nil_return_by, created_at)
               VALUES (@destinationId, @portalId, @period, @template, @opens, @due, @status, @messages, @fileName,
                 @now, @nilAt, @nilBy, @now)`,
            )
            .run({ ...values, destinationId, portalId: p.id });
          added++;
        }
      }
      if (added > 0)
        this.ctx.audit.append({
          action: 'requests.synced',
          subject: `destination:${destinationId}`,
          details: { added, updated },
        });
      return { added, updated };
    });
  }

  recordNilReturn(id: number, by = this.user(), at = this.ctx.now().toISOString()): DataRequest {
    return inTransaction(this.ctx, () => {
      const r = this.get(id);
      if (r.nilReturn) return r;
      this.ctx.db
        .prepare(
          `UPDATE data_requests SET nil_return_at = ?, nil_return_by = ?,
             portal_status = CASE WHEN portal_id IS NULL THEN portal_status ELSE 'nil-return' END,
             synced_at = CASE WHEN portal_id IS NULL THEN synced_at ELSE ? END
           WHERE id = ?`,
        )
        .run(at, by, at, id);
      this.ctx.audit.append({
        action: 'request.nil_return',
        subject: `request:${id}`,
        details: { period: r.period, template: r.template, by },
      });
      return this.get(id);
    });
  }

  list(filter: { destinationId?: number } = {}): DataRequest[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            `${SELECT} WHERE (@d IS NULL OR r.destination_id = @d) ORDER BY r.due, r.template, r.id`,
          )
          .all({ d: filter.destinationId ?? null }) as Row[]
      ).map(toRequest),
    );
  }

  get(id: number): DataRequest {
    const r = read(
      this.ctx,
      () => this.ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined,
    );
    if (!r) throw new StoreError('NOT_FOUND', `There is no data request ${id}.`);
    return toRequest(r);
  }

  /** The latest upload of each request whose every byte arrived (what its status rests on). */
  latestSent(): Map<number, RequestUpload> {
    const rows = read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            `SELECT u.* FROM uploads u JOIN (
               SELECT data_request_id, max(id) AS id FROM uploads
                WHERE data_request_id IS NOT NULL AND received_at IS NOT NULL GROUP BY data_request_id
             ) l ON l.id = u.id`,
          )
          .all() as {
          id: number;
          data_request_id: number;
          file_name: string;
          status: RequestUpload['status'];
          messages: string;
          received_at: string | null;
          status_changed_at: string;
        }[],
    );
    return new Map(
      rows.map((u) => [
        u.data_request_id,
        {
          id: u.id,
          fileName: u.file_name,
          status: u.status,
          messages: JSON.parse(u.messages) as PortalMessage[],
          receivedAt: u.received_at,
          statusChangedAt: u.status_changed_at,
        },
      ]),
    );
  }

  private findLocal(input: NewDataRequest): DataRequest | undefined {
    const r = this.ctx.db
      .prepare(
        `${SELECT} WHERE r.portal_id IS NULL AND coalesce(r.destination_id, 0) = ? AND lower(r.period) = lower(?) AND lower(r.template) = lower(?)`,
      )
      .get(input.destinationId ?? 0, input.period.trim(), input.template.trim()) as Row | undefined;
    return r ? toRequest(r) : undefined;
  }

  private insert(input: NewDataRequest): DataRequest {
    const period = input.period.trim();
    const template = input.template.trim();
    if (!period || !template)
      throw new StoreError(
        'INVALID_INPUT',
        'A data request needs a reporting period and a template.',
      );
    const opens = collectionOpens(input);
    checkRequestDates({ ...input, opens, template });
    if (this.findLocal(input))
      throw new StoreError(
        'CONFLICT',
        `There is already a request for ${template} in ${period}${input.destinationId ? ' at that destination' : ''}.`,
      );
    const { id } = this.ctx.db
      .prepare(
        `INSERT INTO data_requests (destination_id, period, template, opens, due, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        input.destinationId ?? null,
        period,
        template,
        opens,
        input.due,
        this.ctx.now().toISOString(),
      ) as { id: number };
    this.ctx.audit.append({
      action: 'request.added',
      subject: `request:${id}`,
      details: { period, template, opens, due: input.due },
    });
    return this.get(id);
  }
}
