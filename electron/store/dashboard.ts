// The queries the screens run most often, named so the benchmark can time them and show SQLite's
// plan for each: they must stay index lookups as the history grows.
import type { StoreContext } from './context';
import { read } from './context';
import type { StoredAmendmentFile } from '../../shared/history/types';
import type { FileStatus } from '../../shared/history/lifecycle';
import type { AmendmentKind, DataSet } from '../../shared/amd/model';
import { seriesOf } from './sequence';

export const DASHBOARD_SQL = {
  filesByStatus: `SELECT f.id, f.name, f.seq, f.status, f.sha256, f.records, f.plan_row_id, f.status_changed_at
    FROM amendment_files f WHERE f.status = ? ORDER BY f.id DESC LIMIT ?`,
  nextSequence: `SELECT coalesce(max(seq), 0) + 1 AS next FROM sequence_numbers
    WHERE provider_id = ? AND series = ? AND released_at IS NULL`,
  /** The reference: the cheapest lookup there is, by primary key. */
  fileById: `SELECT f.id, f.name, f.status FROM amendment_files f WHERE f.id = ?`,
  batchFiles: `SELECT bf.position, f.name, f.status, f.sha256, bf.from_batch_id FROM batch_files bf
    JOIN amendment_files f ON f.id = bf.file_id WHERE bf.batch_id = ? ORDER BY bf.position`,
} as const;

export type DashboardQuery = keyof typeof DASHBOARD_SQL;

export type FileSummary = Pick<
  StoredAmendmentFile,
  'id' | 'name' | 'seq' | 'status' | 'sha256' | 'records' | 'planRowId' | 'statusChangedAt'
>;

export class Dashboard {
  constructor(private readonly ctx: StoreContext) {}

  /** The newest files with one status, e.g. final files waiting for a batch. */
  filesByStatus(status: FileStatus, limit = 50): FileSummary[] {
    return read(this.ctx, () =>
      (
        this.ctx.db.prepare(DASHBOARD_SQL.filesByStatus).all(status, limit) as {
          id: number;
          name: string;
          seq: number | null;
          status: FileStatus;
          sha256: string;
          records: number;
          plan_row_id: number | null;
          status_changed_at: string;
        }[]
      ).map((r) => ({
        id: r.id,
        name: r.name,
        seq: r.seq,
        status: r.status,
        sha256: r.sha256,
        records: r.records,
        planRowId: r.plan_row_id,
        statusChangedAt: r.status_changed_at,
      })),
    );
  }

  /** The NN the next file of this kind and data set would get (a preview; finalising allocates). */
  nextSequence(providerId: number, kind: AmendmentKind, dataSet: DataSet): number {
    return read(
      this.ctx,
      () =>
        (
          this.ctx.db
            .prepare(DASHBOARD_SQL.nextSequence)
            .get(providerId, seriesOf(kind, dataSet)) as { next: number }
        ).next,
    );
  }

  fileById(id: number): { id: number; name: string; status: FileStatus } | undefined {
    return read(
      this.ctx,
      () =>
        this.ctx.db.prepare(DASHBOARD_SQL.fileById).get(id) as
          { id: number; name: string; status: FileStatus } | undefined,
    );
  }

  batchFiles(batchId: number): unknown[] {
    return read(this.ctx, () => this.ctx.db.prepare(DASHBOARD_SQL.batchFiles).all(batchId));
  }

  /** SQLite's plan for a named query, one step a line. */
  explain(query: DashboardQuery): string[] {
    const params: Record<DashboardQuery, unknown[]> = {
      filesByStatus: ['final', 50],
      nextSequence: [1, 'CHG-A'],
      batchFiles: [1],
      fileById: [1],
    };
    return (
      this.ctx.db.prepare(`EXPLAIN QUERY PLAN ${DASHBOARD_SQL[query]}`).all(...params[query]) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
  }
}
