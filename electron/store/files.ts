// Amendment files in the history: content stored once, addressed by its SHA-256 and immutable;
// metadata moves draft → final → submitted → accepted | rejected, or is discarded.
import { createHash } from 'node:crypto';
import type { AdditionType, AmendmentKind, DataSet } from '../../shared/amd/model';
import type { ComputedFrom, StoredAmendmentFile } from '../../shared/history/types';
import type { FileStatus } from '../../shared/history/lifecycle';
import { canMoveFile } from '../../shared/history/lifecycle';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import { allocateSequence, peekSequence, releaseIfUnused } from './sequence';
import { Plans } from './plans';
import { Providers } from './providers';

interface FileDbRow {
  id: number;
  upin: string;
  year: string;
  name: string;
  kind: AmendmentKind;
  data_set: DataSet;
  addition_type: AdditionType | null;
  sequence_id: number | null;
  seq: number | null;
  sha256: string;
  plan_row_id: number | null;
  plan_id: number | null;
  plan_ref: number | null;
  status: FileStatus;
  records: number;
  checksum_field: string;
  checksum: string;
  created_at: string;
  status_changed_at: string;
  returned_name: string | null;
  returned_sha256: string | null;
  corrected_name: string | null;
  corrected_sha256: string | null;
}

const FILE_SELECT = `SELECT f.*, v.upin, r.plan_id, r.ref AS plan_ref,
  x.returned_name, x.returned_sha256, x.corrected_name, x.corrected_sha256 FROM amendment_files f
  JOIN providers v ON v.id = f.provider_id LEFT JOIN plan_rows r ON r.id = f.plan_row_id
  LEFT JOIN amendment_file_extracts x ON x.file_id = f.id`;

const computedFrom = (r: FileDbRow): { computedFrom?: ComputedFrom } =>
  r.returned_name === null || r.corrected_name === null
    ? {}
    : {
        computedFrom: {
          returned: { name: r.returned_name, sha256: r.returned_sha256 ?? '' },
          corrected: { name: r.corrected_name, sha256: r.corrected_sha256 ?? '' },
        },
      };

const toFile = (r: FileDbRow): StoredAmendmentFile => ({
  id: r.id,
  upin: r.upin,
  year: r.year,
  name: r.name,
  kind: r.kind,
  dataSet: r.data_set,
  additionType: r.addition_type,
  seq: r.seq,
  sha256: r.sha256,
  planRowId: r.plan_row_id,
  planId: r.plan_id,
  planRef: r.plan_ref,
  status: r.status,
  records: r.records,
  checksumField: r.checksum_field,
  checksum: r.checksum,
  createdAt: r.created_at,
  statusChangedAt: r.status_changed_at,
  ...computedFrom(r),
});

/** What the caller builds once the NN is known (the NN is in the name and on line 1). */
export interface BuiltContent {
  name: string;
  bytes: Buffer;
  records: number;
  checksumField: string;
  checksum: string;
}

export interface FinaliseRequest {
  providerId: number;
  year: string;
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  planRowId: number | null;
  explicitSeq?: number;
  /** Why the file holds more or fewer records than its plan row says: kept in the audit trail. */
  recordsReason?: string;
  /** Runs inside the transaction, after the NN is allocated; must be synchronous. */
  build: (seq: number) => BuiltContent;
  /** The two extracts the records were worked out from, when they were compared. */
  computedFrom?: ComputedFrom;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class AmendmentFiles {
  constructor(
    private readonly ctx: StoreContext,
    private readonly plans = new Plans(ctx, new Providers(ctx)),
  ) {}

  finalise(req: FinaliseRequest): StoredAmendmentFile {
    return inTransaction(this.ctx, () => {
      const { db } = this.ctx;
      if (req.planRowId !== null) this.checkPlanRow(req, req.planRowId);
      const alloc = allocateSequence(this.ctx, {
        providerId: req.providerId,
        kind: req.kind,
        dataSet: req.dataSet,
        additionType: req.additionType,
        planRowId: req.planRowId,
        explicit: req.explicitSeq,
      });
      const built = req.build(alloc.seq);
      const sha256 = this.putBlob(built.bytes);
      const now = this.ctx.now().toISOString();
      const { id } = db
        .prepare(
          `INSERT INTO amendment_files (provider_id, year, name, kind, data_set, addition_type, sequence_id, seq, sha256,
                    plan_row_id, status, records, checksum_field, checksum, created_at, status_changed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'final', ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          req.providerId,
          req.year,
          built.name,
          req.kind,
          req.dataSet,
          req.additionType ?? null,
          alloc.id,
          alloc.seq,
          sha256,
          req.planRowId,
          built.records,
          built.checksumField,
          built.checksum,
          now,
          now,
        ) as { id: number };
      const from = req.computedFrom;
      if (from)
        db.prepare(
          `INSERT INTO amendment_file_extracts (file_id, returned_name, returned_sha256, corrected_name, corrected_sha256)
            VALUES (?, ?, ?, ?, ?)`,
        ).run(
          id,
          from.returned.name,
          from.returned.sha256,
          from.corrected.name,
          from.corrected.sha256,
        );
      this.ctx.audit.append({
        action: 'file.finalised',
        subject: `file:${built.name}`,
        details: {
          id,
          seq: alloc.seq,
          sha256,
          records: built.records,
          planRowId: req.planRowId,
          joinedSet: alloc.joined,
          ...(from ? { computedFrom: from } : {}),
          ...(req.recordsReason === undefined ? {} : { recordsReason: req.recordsReason }),
        },
      });
      return this.load(id);
    });
  }

  /** The NN finalising this file would give now; nothing is reserved. */
  nextSeq(req: Omit<FinaliseRequest, 'build' | 'year' | 'recordsReason'>): number {
    return read(this.ctx, () =>
      peekSequence(this.ctx, {
        providerId: req.providerId,
        kind: req.kind,
        dataSet: req.dataSet,
        additionType: req.additionType,
        planRowId: req.planRowId,
        explicit: req.explicitSeq,
      }),
    );
  }

  list(filter: { status?: FileStatus; upin?: string } = {}): StoredAmendmentFile[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            `${FILE_SELECT} WHERE (@status IS NULL OR f.status = @status) AND (@upin IS NULL OR v.upin = @upin) ORDER BY f.id`,
          )
          .all({ status: filter.status ?? null, upin: filter.upin ?? null }) as FileDbRow[]
      ).map(toFile),
    );
  }

  /** The live file of that name, or else the newest discarded one. */
  get(name: string): StoredAmendmentFile {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            `${FILE_SELECT} WHERE f.name = ? ORDER BY (f.status = 'discarded'), f.id DESC LIMIT 1`,
          )
          .get(name) as FileDbRow | undefined,
    );
    if (!r)
      throw new StoreError('NOT_FOUND', `There is no amendment file named ${name} in the history.`);
    return toFile(r);
  }

  content(sha256: string): Buffer {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT content FROM blobs WHERE sha256 = ?').get(sha256) as
          { content: Buffer } | undefined,
    );
    if (!r)
      throw new StoreError('CORRUPT', `The content of file ${sha256} is missing from the history.`);
    if (sha256Of(r.content) !== sha256)
      throw new StoreError(
        'CORRUPT',
        `The stored content of file ${sha256} does not match its SHA-256: the history was altered.`,
      );
    return r.content;
  }

  discard(name: string): { file: StoredAmendmentFile; released: boolean } {
    return inTransaction(this.ctx, () => {
      const f = this.get(name);
      if (!canMoveFile(f.status, 'discarded')) {
        throw new StoreError(
          'INVALID_STATE',
          `${name} is ${f.status}; only a draft or final file that was never submitted can be discarded.`,
        );
      }
      // A discarded file must not travel in a batch that has not been sent yet.
      const pending = this.ctx.db
        .prepare(
          `SELECT b.id FROM batch_files bf JOIN batches b ON b.id = bf.batch_id
                  WHERE bf.file_id = ? AND b.status IN ('draft', 'signed_off', 'uploading') LIMIT 1`,
        )
        .get(f.id) as { id: number } | undefined;
      if (pending) {
        throw new StoreError(
          'INVALID_STATE',
          `${name} is in batch ${pending.id}, which has not been sent; remove it from the batch first.`,
        );
      }
      this.setStatus(f, 'discarded');
      const seqId = (
        this.ctx.db.prepare('SELECT sequence_id FROM amendment_files WHERE id = ?').get(f.id) as {
          sequence_id: number | null;
        }
      ).sequence_id;
      const released = seqId !== null && releaseIfUnused(this.ctx, seqId);
      this.ctx.audit.append({
        action: 'file.discarded',
        subject: `file:${name}`,
        details: { id: f.id, seq: f.seq, released },
      });
      return { file: this.load(f.id), released };
    });
  }

  /** Records what happened to a file outside ReturnDesk, or what an upload reported. */
  mark(
    name: string,
    to: Extract<FileStatus, 'submitted' | 'accepted' | 'rejected'>,
    note?: string,
  ): StoredAmendmentFile {
    return inTransaction(this.ctx, () => {
      const f = this.get(name);
      if (!canMoveFile(f.status, to)) {
        throw new StoreError('INVALID_STATE', `${name} is ${f.status}; it cannot become ${to}.`);
      }
      this.setStatus(f, to);
      this.ctx.audit.append({
        action: `file.${to}`,
        subject: `file:${name}`,
        details: { id: f.id, from: f.status, note: note ?? null },
      });
      return this.load(f.id);
    });
  }

  load(id: number): StoredAmendmentFile {
    const r = this.ctx.db.prepare(`${FILE_SELECT} WHERE f.id = ?`).get(id) as FileDbRow | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no amendment file ${id}.`);
    return toFile(r);
  }

  /**
   * Inside the finalising transaction, so a plan revised or returned a moment ago cannot slip
   * through: the row's plan must be approved, current, of this provider and year, and of this kind.
   */
  private checkPlanRow(req: FinaliseRequest, planRowId: number): void {
    const r = this.ctx.db
      .prepare('SELECT plan_id, ref FROM plan_rows WHERE id = ?')
      .get(planRowId) as { plan_id: number; ref: number } | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no action plan row ${planRowId}.`);
    const { plan } = this.plans.approvedRow(r.plan_id, r.ref, req.kind);
    if (plan.providerId !== req.providerId || plan.year !== req.year) {
      throw new StoreError(
        'INVALID_INPUT',
        `Plan ${plan.id} is for provider ${plan.upin}, ${plan.year}; this file is for another provider or year.`,
      );
    }
  }

  private setStatus(f: StoredAmendmentFile, to: FileStatus): void {
    this.ctx.db
      .prepare('UPDATE amendment_files SET status = ?, status_changed_at = ? WHERE id = ?')
      .run(to, this.ctx.now().toISOString(), f.id);
  }

  private putBlob(bytes: Buffer): string {
    const sha256 = sha256Of(bytes);
    this.ctx.db
      .prepare(
        'INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      )
      .run(sha256, bytes.length, bytes);
    return sha256;
  }
}
