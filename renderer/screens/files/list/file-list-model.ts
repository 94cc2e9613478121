// How the list of amendment files reads: statuses in words with a colour, which files may be
// discarded, the plan row a file answers, hashes short enough to scan, and what a discard did.
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import type { FileStatus } from '../../../../shared/history/lifecycle';
import { canMoveFile } from '../../../../shared/history/lifecycle';
import { formatSeq } from '../../../../shared/amd';
import type { ReceiptView } from '../../../../shared/ipc/views';

export type BadgeColor = 'informative' | 'warning' | 'danger' | 'success' | 'subtle' | 'brand';

export const STATUS_LABEL: Record<FileStatus, string> = {
  draft: 'Draft',
  final: 'Final, not sent',
  submitted: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  discarded: 'Discarded',
};

export const STATUS_COLOR: Record<FileStatus, BadgeColor> = {
  draft: 'subtle',
  final: 'brand',
  submitted: 'informative',
  accepted: 'success',
  rejected: 'danger',
  discarded: 'subtle',
};

export function canDiscard(f: StoredAmendmentFile): boolean {
  return canMoveFile(f.status, 'discarded');
}

export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

export function planRowLabel(f: StoredAmendmentFile): string {
  if (f.planId === null || f.planRef === null) return 'No plan row';
  return `Plan ${f.planId}, row ${f.planRef}`;
}

export function seqLabel(f: StoredAmendmentFile): string {
  return f.seq === null ? '–' : formatSeq(f.seq);
}

export function discardOutcome(f: StoredAmendmentFile, released: boolean): string {
  const nn = f.seq === null ? 'its NN' : `NN ${formatSeq(f.seq)}`;
  return released
    ? `${f.name} is discarded, and ${nn} was released: it was the latest number and no other file holds it, so the next file of this series will take it.`
    : `${f.name} is discarded, but ${nn} was not released: a later file already has a higher NN, or another file of its addition set still holds it. It will not be given to another file.`;
}

/** Receipts per file, matched as main matches them: the same name and the same content. */
export function receiptCounts(
  receipts: readonly ReceiptView[],
): (f: StoredAmendmentFile) => number {
  const counts = new Map<string, number>();
  for (const r of receipts) {
    const key = `${r.file}\n${r.sha256}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (f) => counts.get(`${f.name}\n${f.sha256}`) ?? 0;
}

/** Newest first, so this week's work is at the top; a filter on name, status or plan row. */
export function visibleFiles(
  files: readonly StoredAmendmentFile[],
  filter: string,
  showDiscarded: boolean,
): StoredAmendmentFile[] {
  const q = filter.trim().toLowerCase();
  return files
    .filter((f) => showDiscarded || f.status !== 'discarded')
    .filter(
      (f) =>
        q === '' ||
        f.name.toLowerCase().includes(q) ||
        STATUS_LABEL[f.status].toLowerCase().includes(q) ||
        planRowLabel(f).toLowerCase().includes(q),
    )
    .sort((a, b) => b.id - a.id);
}

/** Whether the server received exactly this file. */
export function hashCheck(r: ReceiptView, sha256: string): string {
  if (r.serverSha256 === null) return 'The server has not given its SHA-256 yet.';
  return r.serverSha256 === sha256 && r.sha256 === sha256
    ? 'The server’s SHA-256 matches the file.'
    : 'The server’s SHA-256 differs from the file’s: send the file again.';
}

/** The two extracts a file's records were worked out from, when they were compared: to the byte. */
export function computedFromFacts(f: StoredAmendmentFile): [string, string][] {
  const from = f.computedFrom;
  if (!from) return [];
  return [
    ['Data as returned', `${from.returned.name}, SHA-256 ${from.returned.sha256}`],
    ['Corrected data', `${from.corrected.name}, SHA-256 ${from.corrected.sha256}`],
  ];
}
