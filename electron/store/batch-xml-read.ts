// Reading an XML batch: its files in order, the earlier submitted files of its provider and year
// that it leaves out, the batch each was first sent in, and the override in force. Runs inside the
// caller's read or transaction; batch-xml.ts makes the changes.
import type {
  BatchOverride,
  MissingXmlFile,
  XmlBatchContents,
  XmlBatchFile,
} from '../../shared/history/types';
import type { BatchStatus, XmlFileStatus } from '../../shared/history/lifecycle';
import { XML_FILES_TO_RESEND, amendsWithXml } from '../../shared/history/lifecycle';
import type { StoreContext } from './context';
import type { XmlFiles } from './xml-files';

/** The batch fields needed here, as batches.ts reads them. */
export interface BatchKey {
  id: number;
  providerId: number;
  year: string;
  status: BatchStatus;
}

const RESEND = XML_FILES_TO_RESEND.map((s) => `'${s}'`).join(', ');
/** Batches whose set can still change or be sent; a sent batch's set is history. */
const OPEN: readonly BatchStatus[] = ['draft', 'signed_off', 'uploading', 'failed'];

// The first batch a file was received in; else (its receipt lost, or the file marked submitted by
// hand) the first other batch that holds it and went out. A draft that merely holds it does not count.
const FIRST_BATCH = `coalesce(
  (SELECT min(u.batch_id) FROM uploads u WHERE u.xml_file_id = f.id AND u.batch_id IS NOT NULL
     AND u.batch_id <> @batch AND u.received_at IS NOT NULL),
  (SELECT min(o.batch_id) FROM batch_xml_files o JOIN batches b ON b.id = o.batch_id
     WHERE o.xml_file_id = f.id AND o.batch_id <> @batch
       AND b.status IN ('uploading', 'uploaded', 'accepted', 'failed')))`;

const SQL = {
  members: `SELECT m.position, m.carried_over, m.from_batch_id, f.* FROM batch_xml_files m
    JOIN xml_files f ON f.id = m.xml_file_id WHERE m.batch_id = ? ORDER BY m.position`,
  missing: `SELECT f.id, f.name, f.status, ${FIRST_BATCH} AS from_batch_id FROM xml_files f
    WHERE f.provider_id = @provider AND f.year = @year AND f.status IN (${RESEND})
      AND NOT EXISTS (SELECT 1 FROM batch_xml_files m WHERE m.batch_id = @batch AND m.xml_file_id = f.id)
    ORDER BY f.id`,
  firstBatch: `SELECT ${FIRST_BATCH} AS from_batch_id FROM xml_files f WHERE f.id = @file`,
  override: 'SELECT * FROM batch_overrides WHERE batch_id = ? ORDER BY id DESC LIMIT 1',
};

interface MemberRow {
  position: number;
  carried_over: number;
  from_batch_id: number | null;
  name: string;
  status: XmlFileStatus;
  sha256: string;
  transmission_type: 'A' | 'B';
  serial_no: string;
  learners: number;
  deliveries: number;
}

export interface MissingRow {
  id: number;
  name: string;
  status: XmlFileStatus;
  from_batch_id: number | null;
}

export const toMissing = (r: MissingRow): MissingXmlFile => ({
  name: r.name,
  status: r.status,
  fromBatchId: r.from_batch_id,
});

/** Earlier submitted, not withdrawn files of the batch's provider and year not in the batch. */
export function missingRows(ctx: StoreContext, key: BatchKey): MissingRow[] {
  return ctx.db
    .prepare(SQL.missing)
    .all({ provider: key.providerId, year: key.year, batch: key.id }) as MissingRow[];
}

export function firstBatch(ctx: StoreContext, fileId: number, batchId: number): number | null {
  return (
    ctx.db.prepare(SQL.firstBatch).get({ file: fileId, batch: batchId }) as {
      from_batch_id: number | null;
    }
  ).from_batch_id;
}

export function latestOverride(ctx: StoreContext, batchId: number): BatchOverride | null {
  const r = ctx.db.prepare(SQL.override).get(batchId) as
    { reason: string; user: string; at: string; missing: string } | undefined;
  return r
    ? { reason: r.reason, by: r.user, at: r.at, missing: JSON.parse(r.missing) as string[] }
    : null;
}

/** The XML side of a batch of a year amended with XML files; undefined for earlier years. */
export function xmlContents(
  ctx: StoreContext,
  xmlFiles: XmlFiles,
  key: BatchKey,
): XmlBatchContents | undefined {
  if (!amendsWithXml(key.year)) return undefined;
  const files = (ctx.db.prepare(SQL.members).all(key.id) as MemberRow[]).map((r): XmlBatchFile => ({
    position: r.position,
    name: r.name,
    status: r.status,
    sha256: r.sha256,
    transmissionType: r.transmission_type,
    serialNo: r.serial_no,
    learners: r.learners,
    deliveries: r.deliveries,
    carriedOver: r.carried_over === 1,
    fromBatchId: r.from_batch_id,
  }));
  const override = latestOverride(ctx, key.id);
  // Once sent, what a batch left out is what its override allowed.
  const missing = OPEN.includes(key.status)
    ? missingRows(ctx, key).map(toMissing)
    : (override?.missing ?? [])
        .filter((n) => !files.some((f) => f.name === n))
        .map((n): MissingXmlFile => {
          const f = xmlFiles.find(n);
          return { name: n, status: f?.status ?? 'withdrawn', fromBatchId: null };
        });
  const complete = missing.length === 0;
  const uploadable =
    complete || (override !== null && missing.every((m) => override.missing.includes(m.name)));
  return { files, missing, override, complete, uploadable };
}
