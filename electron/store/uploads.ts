// Uploads and their receipts. A receipt is what the server said it received (its upload id and
// its SHA-256 of the bytes); statuses move only on the server's word: nothing is ever marked
// accepted unless the server said so.
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

export type UploadStatus = 'transferring' | 'pending-verification' | 'accepted' | 'failed';

export interface ServerMessage {
  code: string;
  message: string;
  line?: number | null;
}

export interface Upload {
  id: number;
  destinationId: number;
  destination: string;
  area: string;
  batchId: number | null;
  fileId: number | null;
  /** The data request this file answers (data portal returns). */
  dataRequestId: number | null;
  /** The ILR XML file (2011-12 onwards) this upload sent. */
  xmlFileId: number | null;
  fileName: string;
  sha256: string;
  bytes: number;
  uploadUrl: string | null;
  serverUploadId: string | null;
  serverSha256: string | null;
  status: UploadStatus;
  messages: ServerMessage[];
  /** Who sent it: the data officer named in Settings, or else the computer's account. */
  user: string;
  /** False when `user` is only the operating-system account (no name was set). */
  userIsPerson: boolean;
  /** The audit trail's newest entry when the upload started: its number and seal (or hash). */
  auditHead: { entry: number; seal: string } | null;
  startedAt: string;
  receivedAt: string | null;
  statusChangedAt: string;
}

interface Row {
  id: number;
  destination_id: number;
  destination: string;
  area: string;
  batch_id: number | null;
  file_id: number | null;
  data_request_id: number | null;
  xml_file_id: number | null;
  file_name: string;
  sha256: string;
  bytes: number;
  upload_url: string | null;
  server_upload_id: string | null;
  server_sha256: string | null;
  status: UploadStatus;
  messages: string;
  user: string;
  sent_by_person: number;
  audit_entry: number | null;
  audit_seal: string | null;
  started_at: string;
  received_at: string | null;
  status_changed_at: string;
}

const SELECT =
  'SELECT u.*, d.name AS destination FROM uploads u JOIN destinations d ON d.id = u.destination_id';

const toUpload = (r: Row): Upload => ({
  id: r.id,
  destinationId: r.destination_id,
  destination: r.destination,
  area: r.area,
  batchId: r.batch_id,
  fileId: r.file_id,
  dataRequestId: r.data_request_id,
  xmlFileId: r.xml_file_id,
  fileName: r.file_name,
  sha256: r.sha256,
  bytes: r.bytes,
  uploadUrl: r.upload_url,
  serverUploadId: r.server_upload_id,
  serverSha256: r.server_sha256,
  status: r.status,
  messages: JSON.parse(r.messages) as ServerMessage[],
  user: r.user,
  userIsPerson: r.sent_by_person === 1,
  auditHead:
    r.audit_entry !== null && r.audit_seal !== null
      ? { entry: r.audit_entry, seal: r.audit_seal }
      : null,
  startedAt: r.started_at,
  receivedAt: r.received_at,
  statusChangedAt: r.status_changed_at,
});

export class Uploads {
  constructor(
    private readonly ctx: StoreContext,
    private readonly user: () => string,
  ) {}

  start(input: {
    destinationId: number;
    /** The destination's area it goes to; its first area when not given. */
    area?: string;
    batchId?: number | null;
    fileId?: number | null;
    dataRequestId?: number | null;
    fileName: string;
    sha256: string;
    bytes: number;
    /** The data officer's name from Settings; without it, the computer's account is recorded. */
    sentBy?: string | null;
  }): Upload {
    return inTransaction(this.ctx, () => {
      const now = this.ctx.now().toISOString();
      const { id } = this.ctx.db
        .prepare(
          `INSERT INTO uploads (destination_id, area, batch_id, file_id, data_request_id, xml_file_id, file_name, sha256, bytes, status, user, started_at, status_changed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'transferring', ?, ?, ?) RETURNING id`,
        )
        .get(
          input.destinationId,
          input.area ??
            (
              this.ctx.db
                .prepare(
                  'SELECT name FROM destination_areas WHERE destination_id = ? ORDER BY first DESC, id LIMIT 1',
                )
                .get(input.destinationId) as { name: string } | undefined
            )?.name ??
            null,
          input.batchId ?? null,
          input.fileId ?? null,
          input.dataRequestId ?? null,
          input.fileId == null && input.dataRequestId == null
            ? this.xmlFileFor(input.fileName, input.sha256)
            : null,
          input.fileName,
          input.sha256,
          input.bytes,
          input.sentBy?.trim() || this.user(),
          now,
          now,
        ) as { id: number };
      const entry = this.ctx.audit.append({
        action: 'upload.started',
        subject: `upload:${id}`,
        details: {
          file: input.fileName,
          sha256: input.sha256,
          bytes: input.bytes,
          batchId: input.batchId ?? null,
          dataRequestId: input.dataRequestId ?? null,
          sentBy: input.sentBy?.trim() || null,
        },
      });
      // The upload's own entry is the head it witnesses: the server is sent its number and seal.
      this.ctx.db
        .prepare(
          'UPDATE uploads SET audit_entry = ?, audit_seal = ?, sent_by_person = ? WHERE id = ?',
        )
        .run(entry.id, entry.mac ?? entry.hash, input.sentBy?.trim() ? 1 : 0, id);
      return this.load(id);
    });
  }

  /** Remembers the server's upload address, so a transfer resumes even after a restart. */
  rememberUrl(id: number, url: string, serverUploadId: string): void {
    inTransaction(this.ctx, () => {
      this.ctx.db
        .prepare('UPDATE uploads SET upload_url = ?, server_upload_id = ? WHERE id = ?')
        .run(url, serverUploadId, id);
    });
  }

  /** The server has every byte and its SHA-256 matches ours: the file is submitted. */
  received(id: number, serverSha256: string, receivedAt: string): Upload {
    return inTransaction(this.ctx, () => {
      const u = this.load(id);
      this.move(u, 'pending-verification', []);
      this.ctx.db
        .prepare('UPDATE uploads SET server_sha256 = ?, received_at = ? WHERE id = ?')
        .run(serverSha256, receivedAt, id);
      if (u.fileId !== null) {
        this.ctx.db
          .prepare(
            "UPDATE amendment_files SET status = 'submitted', status_changed_at = ? WHERE id = ? AND status = 'final'",
          )
          .run(this.ctx.now().toISOString(), u.fileId);
      }
      if (u.xmlFileId !== null) {
        this.ctx.db
          .prepare(
            "UPDATE xml_files SET status = 'submitted', status_changed_at = ? WHERE id = ? AND status = 'final'",
          )
          .run(this.ctx.now().toISOString(), u.xmlFileId);
      }
      this.ctx.audit.append({
        action: 'upload.received',
        subject: `upload:${id}`,
        details: { file: u.fileName, serverUploadId: u.serverUploadId, sha256: serverSha256 },
      });
      return this.load(id);
    });
  }

  /** The transfer failed (or the server's SHA-256 did not match): nothing counts as sent. */
  failed(id: number, messages: ServerMessage[], serverSha256: string | null = null): Upload {
    return inTransaction(this.ctx, () => {
      const u = this.load(id);
      this.move(u, 'failed', messages);
      if (serverSha256)
        this.ctx.db
          .prepare('UPDATE uploads SET server_sha256 = ? WHERE id = ?')
          .run(serverSha256, id);
      this.ctx.audit.append({
        action: 'upload.failed',
        subject: `upload:${id}`,
        details: { file: u.fileName, messages },
      });
      return this.load(id);
    });
  }

  /** The server's verification result; the file follows (accepted or rejected). */
  verified(id: number, status: 'accepted' | 'failed', messages: ServerMessage[]): Upload {
    return inTransaction(this.ctx, () => {
      const u = this.load(id);
      if (u.status !== 'pending-verification')
        throw new StoreError(
          'INVALID_STATE',
          `Upload ${id} is ${u.status}, not pending verification.`,
        );
      this.move(u, status, messages);
      if (u.fileId !== null) {
        this.ctx.db
          .prepare(
            "UPDATE amendment_files SET status = ?, status_changed_at = ? WHERE id = ? AND status = 'submitted'",
          )
          .run(
            status === 'accepted' ? 'accepted' : 'rejected',
            this.ctx.now().toISOString(),
            u.fileId,
          );
      }
      if (u.xmlFileId !== null) {
        this.ctx.db
          .prepare(
            "UPDATE xml_files SET status = ?, status_changed_at = ? WHERE id = ? AND status = 'submitted'",
          )
          .run(
            status === 'accepted' ? 'accepted' : 'rejected',
            this.ctx.now().toISOString(),
            u.xmlFileId,
          );
      }
      this.ctx.audit.append({
        action: `upload.${status === 'accepted' ? 'accepted' : 'verification_failed'}`,
        subject: `upload:${id}`,
        details: { file: u.fileName, messages },
      });
      return this.load(id);
    });
  }

  /** An unfinished transfer of the same content to the same destination (and area), to resume. */
  resumable(
    destinationId: number,
    sha256: string,
    fileName: string,
    dataRequestId: number | null = null,
    area: string | null = null,
  ): Upload | undefined {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            `${SELECT} WHERE u.destination_id = ? AND u.sha256 = ? AND u.file_name = ? AND u.data_request_id IS ? AND u.status = 'transferring' AND u.upload_url IS NOT NULL AND (? IS NULL OR lower(u.area) = lower(?)) ORDER BY u.id DESC LIMIT 1`,
          )
          .get(destinationId, sha256, fileName, dataRequestId, area, area) as Row | undefined,
    );
    return r ? toUpload(r) : undefined;
  }

  list(filter: { destinationId?: number; status?: UploadStatus; batchId?: number } = {}): Upload[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            `${SELECT} WHERE (@d IS NULL OR u.destination_id = @d) AND (@s IS NULL OR u.status = @s) AND (@b IS NULL OR u.batch_id = @b) ORDER BY u.id`,
          )
          .all({
            d: filter.destinationId ?? null,
            s: filter.status ?? null,
            b: filter.batchId ?? null,
          }) as Row[]
      ).map(toUpload),
    );
  }

  /** The heads receipts recorded, which `audit verify` checks are entries of the chain. */
  witnessedHeads(): { entry: number; seal: string }[] {
    return read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            'SELECT audit_entry AS entry, audit_seal AS seal FROM uploads WHERE audit_entry IS NOT NULL AND audit_seal IS NOT NULL',
          )
          .all() as { entry: number; seal: string }[],
    );
  }

  load(id: number): Upload {
    const r = this.ctx.db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no upload ${id}.`);
    return toUpload(r);
  }

  /**
   * An ILR XML file in the history is known by its name and content, however it is sent (in a
   * batch or on its own), so its status follows the upload either way.
   */
  private xmlFileFor(fileName: string, sha256: string): number | null {
    const r = this.ctx.db
      .prepare(
        "SELECT id FROM xml_files WHERE name = ? AND sha256 = ? AND status <> 'withdrawn' ORDER BY id DESC LIMIT 1",
      )
      .get(fileName, sha256) as { id: number } | undefined;
    return r?.id ?? null;
  }

  private move(u: Upload, to: UploadStatus, messages: ServerMessage[]): void {
    this.ctx.db
      .prepare('UPDATE uploads SET status = ?, messages = ?, status_changed_at = ? WHERE id = ?')
      .run(to, JSON.stringify(messages), this.ctx.now().toISOString(), u.id);
  }
}
