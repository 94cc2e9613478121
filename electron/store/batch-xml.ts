// Batches of ILR XML files (2011-12 onwards). HEFCE incorporates an earlier amendment file only
// when every applicable file is sent again in one batch, so a new batch starts with every earlier
// submitted, not withdrawn file of its provider and year, and one that leaves any out is not sent
// unless the user overrides with a reason. Withdrawing a file is how it stops counting.
import type {
  Batch,
  MissingXmlFile,
  StoredXmlFile,
  XmlBatchCheck,
  XmlBatchContents,
} from '../../shared/history/types';
import type { BatchStatus } from '../../shared/history/lifecycle';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import type { CheckedXmlFile, XmlFiles } from './xml-files';
import { firstBatch, missingRows, toMissing, xmlContents } from './batch-xml-read';
import type { BatchKey } from './batch-xml-read';

export type { BatchKey } from './batch-xml-read';

/** What batches.ts lends: loading a batch, and sending a changed one back for sign-off. */
export interface BatchHooks {
  load(batchId: number): Batch;
  withdrawSignOff(batch: Batch, reason: string): void;
}

const SQL = {
  insert: `INSERT INTO batch_xml_files (batch_id, xml_file_id, position, carried_over, from_batch_id)
    VALUES (?, ?, ?, ?, ?)`,
  unsent: `SELECT b.id, b.status FROM batch_xml_files m JOIN batches b ON b.id = m.batch_id
    WHERE m.xml_file_id = ? AND b.status IN ('draft', 'signed_off', 'uploading') ORDER BY b.id`,
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export class XmlBatchFiles {
  constructor(
    private readonly ctx: StoreContext,
    private readonly files: XmlFiles,
    private readonly user: () => string,
    private readonly hooks: BatchHooks,
  ) {}

  /** Inside batches.create's transaction: every earlier submitted file goes in, carried over. */
  propose(key: BatchKey): MissingXmlFile[] {
    const earlier = missingRows(this.ctx, key);
    earlier.forEach((f, i) =>
      this.ctx.db.prepare(SQL.insert).run(key.id, f.id, i + 1, 1, f.from_batch_id),
    );
    if (earlier.length > 0)
      this.ctx.audit.append({
        action: 'batch.files_proposed',
        subject: `batch:${key.id}`,
        details: { files: earlier.map((f) => ({ file: f.name, fromBatch: f.from_batch_id })) },
      });
    return earlier.map(toMissing);
  }

  /** Adds XML files already in the history, by name; a signed-off batch must be signed off again. */
  add(batchId: number, names: readonly string[]): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.changeable(batchId, 'added');
      const inBatch = new Set(batch.xml?.files.map((x) => x.name));
      let position = inBatch.size;
      let added = 0;
      for (const name of names) {
        const f = this.files.get(name);
        if (f.upin !== batch.upin || f.year !== batch.year)
          throw new StoreError(
            'INVALID_INPUT',
            `${name} is for ${f.upin} ${f.year}; batch ${batchId} is for ${batch.upin} ${batch.year}.`,
          );
        if (f.status === 'withdrawn')
          throw new StoreError(
            'INVALID_STATE',
            `${name} was withdrawn (${f.withdrawnReason ?? ''}); a withdrawn file cannot go into a batch.`,
          );
        if (inBatch.has(name)) continue;
        const carried = f.status !== 'final';
        const from = carried ? firstBatch(this.ctx, f.id, batchId) : null;
        this.ctx.db.prepare(SQL.insert).run(batchId, f.id, ++position, carried ? 1 : 0, from);
        inBatch.add(name);
        added++;
        this.ctx.audit.append({
          action: 'batch.file_added',
          subject: `batch:${batchId}`,
          details: { file: name, sha256: f.sha256, carriedOver: carried, fromBatch: from },
        });
      }
      if (batch.status === 'signed_off' && added > 0)
        this.hooks.withdrawSignOff(batch, 'files changed after sign-off');
      return this.hooks.load(batchId);
    });
  }

  /** Keeps checked files (content already stored) and adds them, all in one transaction. */
  addChecked(batchId: number, checked: readonly CheckedXmlFile[], names: readonly string[]): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.changeable(batchId, 'added');
      const kept = checked.map((c) => this.files.record(batch.upin, c).name);
      return this.add(batchId, [...kept, ...names]);
    });
  }

  remove(batchId: number, name: string): Batch {
    return inTransaction(this.ctx, () => {
      const batch = this.changeable(batchId, 'removed');
      this.removeIn(batch, name);
      return this.hooks.load(batchId);
    });
  }

  /** Withdraws a file: it no longer counts, and leaves any batch not yet sent. */
  withdraw(name: string, reason: string): { file: StoredXmlFile; removedFrom: number[] } {
    const why = reason.trim();
    if (why === '') throw new StoreError('INVALID_INPUT', `Say why ${name} is withdrawn.`);
    return inTransaction(this.ctx, () => {
      const f = this.files.get(name);
      const unsent = this.ctx.db.prepare(SQL.unsent).all(f.id) as {
        id: number;
        status: BatchStatus;
      }[];
      const uploading = unsent.find((b) => b.status === 'uploading');
      if (uploading)
        throw new StoreError(
          'INVALID_STATE',
          `${name} is in batch ${uploading.id}, which is being uploaded; finish or fail that upload first.`,
        );
      for (const b of unsent) this.removeIn(this.hooks.load(b.id), name);
      const file = this.files.withdrawIn(
        f,
        why,
        unsent.map((b) => b.id),
      );
      return { file, removedFrom: unsent.map((b) => b.id) };
    });
  }

  /** Sends the batch without the files now missing; the reason goes into the audit trail. */
  override(batchId: number, reason: string): Batch {
    const why = reason.trim();
    if (why === '')
      throw new StoreError(
        'INVALID_INPUT',
        'An override needs the reason the earlier files are left out.',
      );
    if (why.length > 2000)
      throw new StoreError('INVALID_INPUT', 'Keep the reason under 2,000 characters.');
    return inTransaction(this.ctx, () => {
      const batch = this.hooks.load(batchId);
      if (!batch.xml)
        throw new StoreError(
          'INVALID_INPUT',
          `Batch ${batchId} holds ${batch.year} .amd files; the rule to re-send earlier files applies to XML batches (2011-12 onwards).`,
        );
      if (!['draft', 'signed_off', 'uploading'].includes(batch.status))
        throw new StoreError('INVALID_STATE', `Batch ${batchId} is ${batch.status}.`);
      const missing = batch.xml.missing.map((m) => m.name);
      if (missing.length === 0)
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} already holds every earlier submitted file; there is nothing to override.`,
        );
      this.ctx.db
        .prepare(
          'INSERT INTO batch_overrides (batch_id, reason, missing, user, at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(batchId, why, JSON.stringify(missing), this.user(), this.ctx.now().toISOString());
      this.ctx.audit.append({
        action: 'batch.override',
        subject: `batch:${batchId}`,
        details: { reason: why, missing },
      });
      return this.hooks.load(batchId);
    });
  }

  check(batchId: number): XmlBatchCheck {
    const b = read(this.ctx, () => this.hooks.load(batchId));
    const head = { batchId, upin: b.upin, year: b.year };
    if (!b.xml)
      return {
        ...head,
        applies: false,
        missing: [],
        override: null,
        complete: true,
        uploadable: true,
      };
    const { files: _files, ...rest } = b.xml;
    void _files;
    return { ...head, applies: true, ...rest };
  }

  /** The batches a file has been in, oldest first. */
  batchIdsOf(fileId: number): number[] {
    return read(this.ctx, () =>
      this.ctx.db
        .prepare('SELECT batch_id FROM batch_xml_files WHERE xml_file_id = ? ORDER BY batch_id')
        .pluck()
        .all(fileId),
    ) as number[];
  }

  /** For batches.ts when it loads a batch of a year amended with XML files. */
  contents(key: BatchKey): XmlBatchContents | undefined {
    return xmlContents(this.ctx, this.files, key);
  }

  /** uploadBatch's gate: an incomplete batch is refused unless the override covers what is missing. */
  assertUploadable(batchId: number): void {
    const c = this.check(batchId);
    if (c.uploadable) return;
    const left = c.missing.filter((m) => !c.override?.missing.includes(m.name));
    const names = left
      .map((m) => `${m.name} (${m.fromBatchId ? `sent in batch ${m.fromBatchId}` : m.status})`)
      .join(', ');
    throw new StoreError(
      'INVALID_STATE',
      `Batch ${batchId} leaves out ${plural(left.length, 'earlier submitted file')}: ${names}. HEFCE incorporates earlier amendment files only when all of them are sent again in one batch. Add ${left.length === 1 ? 'it' : 'them'} back to the batch, withdraw a file that should no longer count, or override the rule for this batch with a reason.`,
    );
  }

  private changeable(batchId: number, verb: string): Batch {
    const batch = this.hooks.load(batchId);
    if (batch.status !== 'draft' && batch.status !== 'signed_off')
      throw new StoreError(
        'INVALID_STATE',
        `Batch ${batchId} is ${batch.status}; files can only be ${verb} before it is uploaded.`,
      );
    if (!batch.xml)
      throw new StoreError(
        'INVALID_INPUT',
        `Batch ${batchId} is for ${batch.year}, which is amended with .amd files, not XML files.`,
      );
    return batch;
  }

  private removeIn(batch: Batch, name: string): void {
    const entry = batch.xml?.files.find((f) => f.name === name);
    if (!entry) throw new StoreError('NOT_FOUND', `${name} is not in batch ${batch.id}.`);
    const { db } = this.ctx;
    db.prepare('DELETE FROM batch_xml_files WHERE batch_id = ? AND position = ?').run(
      batch.id,
      entry.position,
    );
    // Keep positions 1..n: the order is what the batch sends.
    db.prepare(
      'UPDATE batch_xml_files SET position = -position WHERE batch_id = ? AND position > ?',
    ).run(batch.id, entry.position);
    db.prepare(
      'UPDATE batch_xml_files SET position = -position - 1 WHERE batch_id = ? AND position < 0',
    ).run(batch.id);
    this.ctx.audit.append({
      action: 'batch.file_removed',
      subject: `batch:${batch.id}`,
      details: { file: name, carriedOver: entry.carriedOver },
    });
    if (batch.status === 'signed_off')
      this.hooks.withdrawSignOff(batch, 'a file was removed after sign-off');
  }
}
