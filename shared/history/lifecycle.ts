// The lifecycles of the things ReturnDesk keeps, as pure data: the store enforces them, the
// screens use them to decide which buttons to show.
import { ilrYearParts } from '../domain';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type PlanAction = 'submit' | 'approve' | 'return' | 'revise';

/** Where each action may start, and where it leads (revise creates a new draft version). */
export const PLAN_TRANSITIONS: Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }> =
  {
    submit: { from: ['draft'], to: 'submitted' },
    approve: { from: ['submitted'], to: 'approved' },
    return: { from: ['submitted'], to: 'returned' },
    // HEFCE asks for a revised plan when it returns one, or when further amendments are needed.
    revise: { from: ['returned', 'approved'], to: 'draft' },
  };

export type FileStatus = 'draft' | 'final' | 'submitted' | 'accepted' | 'rejected' | 'discarded';

export const FILE_TRANSITIONS: Record<FileStatus, readonly FileStatus[]> = {
  draft: ['final', 'discarded'],
  final: ['submitted', 'discarded'],
  submitted: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
  discarded: [],
};

export type BatchStatus = 'draft' | 'signed_off' | 'uploading' | 'uploaded' | 'accepted' | 'failed';

export const BATCH_TRANSITIONS: Record<BatchStatus, readonly BatchStatus[]> = {
  draft: ['signed_off'],
  // A change after sign-off sends the batch back to draft: it must be signed off again.
  signed_off: ['draft', 'uploading'],
  uploading: ['uploaded', 'failed', 'signed_off'],
  uploaded: ['accepted', 'failed'],
  accepted: [],
  failed: ['draft'],
};

export function canMoveFile(from: FileStatus, to: FileStatus): boolean {
  return FILE_TRANSITIONS[from].includes(to);
}

export function canMoveBatch(from: BatchStatus, to: BatchStatus): boolean {
  return BATCH_TRANSITIONS[from].includes(to);
}

/**
 * From 2011-12 HEFCE takes amendments as whole ILR 'A' or 'B' XML files, which live beside the
 * .amd files rather than in their lifecycle: never draft (they arrive checked), and withdrawn
 * (with a reason) instead of discarded, since a file already sent cannot be un-sent.
 */
export type XmlFileStatus = 'final' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';

export const XML_FILE_TRANSITIONS: Record<XmlFileStatus, readonly XmlFileStatus[]> = {
  final: ['submitted', 'withdrawn'],
  submitted: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['withdrawn'],
  rejected: ['withdrawn'],
  withdrawn: [],
};

export function canMoveXmlFile(from: XmlFileStatus, to: XmlFileStatus): boolean {
  return XML_FILE_TRANSITIONS[from].includes(to);
}

/**
 * The XML files every new batch of a provider and year must carry again: those HEFCE has taken in
 * or is checking. A rejected file was not taken in (a corrected one replaces it) and a withdrawn
 * one no longer counts.
 */
export const XML_FILES_TO_RESEND: readonly XmlFileStatus[] = ['submitted', 'accepted'];

/** 2011-12 and later years amend with ILR XML files; earlier years with .amd files. */
export function amendsWithXml(year: string): boolean {
  const parts = ilrYearParts(year);
  return parts !== undefined && parts.first >= 2011;
}
