// Batch rules the screens show, apart from their drawing: status wording, what can be done now,
// which files may join, and why a file is sent again.
import type {
  ActionPlan,
  Batch,
  BatchFile,
  StoredAmendmentFile,
} from '../../../shared/history/types';
import type { BatchStatus, FileStatus } from '../../../shared/history/lifecycle';
import type { BadgeColor } from '../plans/plan-model';

/** The same words as the dashboard uses for a batch. */
export const BATCH_STATUS: Record<BatchStatus, { label: string; color: BadgeColor }> = {
  draft: { label: 'Needs sign-off', color: 'warning' },
  signed_off: { label: 'Signed off: waiting to be uploaded', color: 'informative' },
  uploading: { label: 'Upload interrupted: resume it', color: 'warning' },
  uploaded: { label: 'Upload pending verification', color: 'informative' },
  accepted: { label: 'Accepted', color: 'success' },
  failed: { label: 'Failed', color: 'danger' },
};

export const FILE_STATUS: Record<FileStatus, string> = {
  draft: 'Draft',
  final: 'Final, not yet sent',
  submitted: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  discarded: 'Discarded',
};

export const DEFAULT_AREA = 'FAMD General upload area (GUA)';
/** HEFCE's area for 2011-12 ILR XML amendment files (the guide's 'ILR amendment upload area'). */
export const XML_AREA = 'ILR amendment upload area';

/** Files can be added or removed until the upload starts; afterwards the batch is evidence. */
export const canChangeFiles = (b: Batch): boolean =>
  b.status === 'draft' || b.status === 'signed_off';

/** Every file the batch sends: its .amd files, or (2011-12 onwards) its ILR XML files. */
export const batchFileNames = (b: Batch): string[] => [
  ...b.files.map((f) => f.name),
  ...(b.xml?.files.map((f) => f.name) ?? []),
];

export const fileCount = (b: Batch): number => b.files.length + (b.xml?.files.length ?? 0);

export const canSignOff = (b: Batch): boolean => b.status === 'draft' && fileCount(b) > 0;

/** Signed off, or stopped part-way (the next upload resumes it). */
export const canUpload = (b: Batch): boolean =>
  b.status === 'signed_off' || b.status === 'uploading';

export const uploadHref = (batchId: number): string => `#/uploads/batch/${batchId}`;

export const SIGN_OFF_RULE =
  'HEFCE asks for amendment data to be signed off before it is sent. Any change to the files afterwards withdraws the sign-off: the batch must then be signed off again.';

/** Why a file is in this batch again; null for a file sent here for the first time. */
export function resentReason(f: BatchFile): string | null {
  if (f.fromBatchId === null) return null;
  return `Re-sent: first sent in batch ${f.fromBatchId}. HEFCE asks for earlier amendment files a new one builds on to be sent again in the same batch.`;
}

export interface Candidates {
  /** Final files never sent: the usual content of a batch. */
  fresh: StoredAmendmentFile[];
  /** Files sent before, which may be re-included when a new amendment builds on them. */
  earlier: StoredAmendmentFile[];
}

const SENDABLE: readonly FileStatus[] = ['final', 'submitted', 'accepted', 'rejected'];

/** Files of the batch's provider and year that the history would accept into it. */
export function candidates(batch: Batch, files: readonly StoredAmendmentFile[]): Candidates {
  const inBatch = new Set(batch.files.map((f) => f.name));
  const mine = files.filter(
    (f) =>
      f.upin === batch.upin &&
      f.year === batch.year &&
      SENDABLE.includes(f.status) &&
      !inBatch.has(f.name),
  );
  const byName = (a: StoredAmendmentFile, b: StoredAmendmentFile) => a.name.localeCompare(b.name);
  return {
    fresh: mine.filter((f) => f.status === 'final').sort(byName),
    earlier: mine.filter((f) => f.status !== 'final').sort(byName),
  };
}

/** A change to a signed-off batch sends it back to draft: say so, since it needs a new sign-off. */
export function signOffWithdrawn(before: Batch, after: Batch): boolean {
  return before.status === 'signed_off' && after.status === 'draft';
}

/** Plans a batch may be linked to: approved and not since revised. */
export function approvedPlans(plans: readonly ActionPlan[], upin: string): ActionPlan[] {
  return plans.filter((p) => p.upin === upin && p.status === 'approved' && p.revisedById === null);
}

export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…`;
