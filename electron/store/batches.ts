// Batches: the files sent together to one destination area for one provider and ILR year, linked
// to the approved action plan. A batch may re-send files from earlier batches and records which.
// Sign-off records who approved sending it; any change afterwards needs a new sign-off.
import type { Batch } from '../../shared/history/types';
import type { BatchStatus, FileStatus } from '../../shared/history/lifecycle';
import { amendsWithXml, canMoveBatch } from '../../shared/history/lifecycle';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import type { Providers } from './providers';
import type { Plans } from './plans';
import type { AmendmentFiles } from './files';
import { toBatch } from './batch-rows';
import type { BatchDbRow } from './batch-rows';
import { XmlBatchFiles } from './batch-xml';
import type { XmlFiles } from './xml-files';

/** HEFCE's area for 2010-11 and earlier amendment files. */
export const DEFAULT_DESTINATION = 'FAMD General upload area (GUA)';
/** HEFCE's area for the 2011-12 ILR XML amendment files. */
export const XML_DESTINATION = 'ILR amendment upload area';

export class Batches {
  /** The XML files of 2011-12 (and later) batches: re-submission set, check and override. */
  readonly xml: XmlBatchFiles;

  constructor(
    private readonly ctx: StoreContext,
    private readonly providers: Providers,
    private readonly plans: Plans,
    private readonly files: AmendmentFiles,
    xmlFiles: XmlFiles,
    user: () => string,
  ) {
    this.xml = new XmlBatchFiles(ctx, xmlFiles, user, {
      load: (id) => this.load(id),
      withdrawSignOff: (b, reason) => this.withdrawSignOff(b, reason),
    });
  }

  create(input: { upin: string; year: string; planId: number; destination?: string }): Batch {
    const provider = this.providers.get(input.upin);
    return inTransaction(this.ctx, () => {
      const plan = this.plans.load(input.planId);
      if (plan.providerId !== provider.id || plan.year !== input.year) {
        throw new StoreError(
          'INVALID_INPUT',
          `Plan ${plan.id} is for ${plan.upin} ${plan.year}, not ${input.upin} ${input.year}.`,
        );
      }
      if (plan.status !== 'approved') {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${plan.id} is ${plan.status}; a batch must be linked to an approved action plan.`,
        );
      }
      const now = this.ctx.now().toISOString();
      const xml = amendsWithXml(input.year);
      const { id } = this.ctx.db
        .prepare(
          `INSERT INTO batches (provider_id, year, destination, plan_id, status, created_at, status_changed_at)
                  VALUES (?, ?, ?, ?, 'draft', ?, ?) RETURNING id`,
        )
        .get(
          provider.id,
          input.year,
          input.destination ?? (xml ? XML_DESTINATION : DEFAULT_DESTINATION),
          plan.id,
          now,
          now,
        ) as { id: number };
      this.ctx.audit.append({
        action: 'batch.created',
        subject: `batch:${id}`,
        details: { upin: input.upin, year: input.year, planId: plan.id },
      });
      const key = { id, providerId: provider.id, year: input.year, status: 'draft' as const };
      if (xml) this.xml.propose(key);
      return this.load(id);
    });
  }

  add(batchId: number, names: readonly string[]): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.load(batchId);
      if (batch.xml) return this.xml.add(batchId, names);
      if (batch.status !== 'draft' && batch.status !== 'signed_off') {
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} is ${batch.status}; files can only be added before it is uploaded.`,
        );
      }
      let position = batch.files.length;
      let added = 0;
      for (const name of names) {
        const f = this.files.get(name);
        if (f.upin !== batch.upin || f.year !== batch.year) {
          throw new StoreError(
            'INVALID_INPUT',
            `${name} is for ${f.upin} ${f.year}; batch ${batchId} is for ${batch.upin} ${batch.year}.`,
          );
        }
        if (!(['final', 'submitted', 'accepted', 'rejected'] as FileStatus[]).includes(f.status)) {
          throw new StoreError(
            'INVALID_STATE',
            `${name} is ${f.status}; only final files (or files sent before) can go into a batch.`,
          );
        }
        if (batch.files.some((b) => b.name === name)) continue;
        const earlier = this.ctx.db
          .prepare(
            'SELECT batch_id FROM batch_files WHERE file_id = ? AND batch_id <> ? ORDER BY batch_id LIMIT 1',
          )
          .get(f.id, batchId) as { batch_id: number } | undefined;
        this.ctx.db
          .prepare(
            'INSERT INTO batch_files (batch_id, file_id, position, from_batch_id) VALUES (?, ?, ?, ?)',
          )
          .run(batchId, f.id, ++position, earlier?.batch_id ?? null);
        added++;
        this.ctx.audit.append({
          action: 'batch.file_added',
          subject: `batch:${batchId}`,
          details: { file: name, sha256: f.sha256, fromBatch: earlier?.batch_id ?? null },
        });
      }
      // Only a real change withdraws the sign-off: naming files already in the batch changes nothing.
      if (batch.status === 'signed_off' && added > 0)
        this.withdrawSignOff(batch, 'files changed after sign-off');
      return this.load(batchId);
    });
  }

  /** Takes a file out of a batch not yet sent; a signed-off batch must be signed off again. */
  remove(batchId: number, name: string): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.load(batchId);
      if (batch.xml) return this.xml.remove(batchId, name);
      if (batch.status !== 'draft' && batch.status !== 'signed_off') {
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} is ${batch.status}; files can only be removed before it is uploaded.`,
        );
      }
      const entry = batch.files.find((f) => f.name === name);
      if (!entry) throw new StoreError('NOT_FOUND', `${name} is not in batch ${batchId}.`);
      const fileId = (
        this.ctx.db
          .prepare(
            'SELECT bf.file_id FROM batch_files bf JOIN amendment_files f ON f.id = bf.file_id WHERE bf.batch_id = ? AND f.name = ?',
          )
          .get(batchId, name) as { file_id: number }
      ).file_id;
      this.ctx.db
        .prepare('DELETE FROM batch_files WHERE batch_id = ? AND file_id = ?')
        .run(batchId, fileId);
      // Keep positions 1..n: the order is what the batch sends.
      this.ctx.db
        .prepare('UPDATE batch_files SET position = -position WHERE batch_id = ? AND position > ?')
        .run(batchId, entry.position);
      this.ctx.db
        .prepare(
          'UPDATE batch_files SET position = -position - 1 WHERE batch_id = ? AND position < 0',
        )
        .run(batchId);
      this.ctx.audit.append({
        action: 'batch.file_removed',
        subject: `batch:${batchId}`,
        details: { file: name },
      });
      if (batch.status === 'signed_off')
        this.withdrawSignOff(batch, 'a file was removed after sign-off');
      return this.load(batchId);
    });
  }

  signOff(batchId: number, by: string): Batch {
    if (by.trim() === '')
      throw new StoreError(
        'INVALID_INPUT',
        'Sign-off needs the name of the person approving the batch.',
      );
    return inTransaction(this.ctx, () => {
      const batch = this.load(batchId);
      if (batch.status !== 'draft')
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} is ${batch.status}; only a draft batch can be signed off.`,
        );
      const sent = [...batch.files, ...(batch.xml?.files ?? [])];
      if (sent.length === 0)
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} has no files; add them before signing it off.`,
        );
      this.move(batch, 'signed_off');
      const at = this.ctx.now().toISOString();
      this.ctx.db
        .prepare('UPDATE batches SET signed_off_by = ?, signed_off_at = ? WHERE id = ?')
        .run(by.trim(), at, batchId);
      this.ctx.audit.append({
        action: 'batch.signed_off',
        subject: `batch:${batchId}`,
        details: {
          by: by.trim(),
          files: sent.map((f) => ({ name: f.name, sha256: f.sha256 })),
        },
      });
      return this.load(batchId);
    });
  }

  setStatus(batchId: number, to: BatchStatus, details: Record<string, unknown> = {}): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.load(batchId);
      this.move(batch, to);
      this.ctx.audit.append({
        action: `batch.${to}`,
        subject: `batch:${batchId}`,
        details: { from: batch.status, ...details },
      });
      return this.load(batchId);
    });
  }

  get(batchId: number): Batch {
    return read(this.ctx, () => this.load(batchId));
  }

  list(filter: { upin?: string } = {}): Batch[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            'SELECT b.*, v.upin FROM batches b JOIN providers v ON v.id = b.provider_id WHERE (@upin IS NULL OR v.upin = @upin) ORDER BY b.id',
          )
          .all({ upin: filter.upin ?? null }) as BatchDbRow[]
      ).map((r) => toBatch(this.ctx, this.xml, r)),
    );
  }

  load(batchId: number): Batch {
    const r = this.ctx.db
      .prepare(
        'SELECT b.*, v.upin FROM batches b JOIN providers v ON v.id = b.provider_id WHERE b.id = ?',
      )
      .get(batchId) as BatchDbRow | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no batch ${batchId}.`);
    return toBatch(this.ctx, this.xml, r);
  }

  private withdrawSignOff(batch: Batch, reason: string): void {
    this.move(batch, 'draft');
    this.ctx.db
      .prepare('UPDATE batches SET signed_off_by = NULL, signed_off_at = NULL WHERE id = ?')
      .run(batch.id);
    this.ctx.audit.append({
      action: 'batch.sign_off_withdrawn',
      subject: `batch:${batch.id}`,
      details: { reason, was: batch.signedOffBy },
    });
  }

  private move(batch: Batch, to: BatchStatus): void {
    if (!canMoveBatch(batch.status, to))
      throw new StoreError(
        'INVALID_STATE',
        `Batch ${batch.id} is ${batch.status}; it cannot become ${to}.`,
      );
    this.ctx.db
      .prepare('UPDATE batches SET status = ?, status_changed_at = ? WHERE id = ?')
      .run(to, this.ctx.now().toISOString(), batch.id);
  }
}
