// A batch row as the history holds it, turned into the Batch the CLI and the screens see: its
// .amd files, or for 2011-12 onwards its XML files with what is missing and any override.
import type { Batch, BatchFile } from '../../shared/history/types';
import type { BatchStatus, FileStatus } from '../../shared/history/lifecycle';
import type { StoreContext } from './context';
import { DASHBOARD_SQL } from './dashboard';
import type { XmlBatchFiles } from './batch-xml';

export interface BatchDbRow {
  id: number;
  provider_id: number;
  upin: string;
  year: string;
  destination: string;
  plan_id: number;
  status: BatchStatus;
  signed_off_by: string | null;
  signed_off_at: string | null;
  created_at: string;
  status_changed_at: string;
}

export function toBatch(ctx: StoreContext, xml: XmlBatchFiles, r: BatchDbRow): Batch {
  const files = ctx.db.prepare(DASHBOARD_SQL.batchFiles).all(r.id) as {
    position: number;
    name: string;
    status: FileStatus;
    sha256: string;
    from_batch_id: number | null;
  }[];
  const contents = xml.contents({
    id: r.id,
    providerId: r.provider_id,
    year: r.year,
    status: r.status,
  });
  return {
    id: r.id,
    upin: r.upin,
    year: r.year,
    destination: r.destination,
    planId: r.plan_id,
    status: r.status,
    signedOffBy: r.signed_off_by,
    signedOffAt: r.signed_off_at,
    createdAt: r.created_at,
    statusChangedAt: r.status_changed_at,
    files: files.map((f): BatchFile => ({
      position: f.position,
      name: f.name,
      status: f.status,
      sha256: f.sha256,
      fromBatchId: f.from_batch_id,
    })),
    ...(contents ? { xml: contents } : {}),
  };
}
