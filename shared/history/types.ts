// What the history holds, as plain data: the same shapes cross IPC to the screens later.
import type { AdditionType, AmendmentKind, DataSet } from '../amd/model';
import type { BatchStatus, FileStatus, PlanStatus, XmlFileStatus } from './lifecycle';

export interface Provider {
  id: number;
  upin: string;
  ukprn: string | null;
  name: string;
  createdAt: string;
}

export type PlanVariant = 'general' | 'heifes';

/** HEFCE's template: "All fields" for additions and deletions, the changed fields otherwise. */
export const ALL_FIELDS = 'All fields';

export interface PlanRow {
  id: number;
  planId: number;
  ref: number;
  description: string;
  kind: AmendmentKind;
  /** A comma-separated list of ILR fields, or "All fields". */
  fields: string;
  records: number;
  /** The date the amended data will be submitted, YYYY-MM-DD. */
  due: string;
  errorType: string | null;
  cause: string | null;
}

export interface ActionPlan {
  id: number;
  providerId: number;
  upin: string;
  year: string;
  title: string;
  variant: PlanVariant;
  version: number;
  revisesId: number | null;
  revisedById: number | null;
  status: PlanStatus;
  statusNote: string | null;
  createdAt: string;
  statusChangedAt: string;
  rows: PlanRow[];
  /** Submit, approve and return as recorded, oldest first; undone steps stay, marked undone. */
  steps: PlanStep[];
}

/** An e-mail or letter kept as evidence of a plan step: its name and the SHA-256 of its bytes. */
export interface PlanEvidence {
  name: string;
  sha256: string;
  bytes: number;
}

/** One step of a plan's lifecycle as the user recorded it. */
export interface PlanStep {
  id: number;
  action: 'submit' | 'approve' | 'return';
  from: PlanStatus;
  to: PlanStatus;
  /** The day it happened (YYYY-MM-DD), not the day it was recorded. */
  date: string;
  note: string | null;
  evidence: PlanEvidence | null;
  user: string;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface StoredAmendmentFile {
  id: number;
  upin: string;
  year: string;
  name: string;
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType: AdditionType | null;
  seq: number | null;
  sha256: string;
  planRowId: number | null;
  planId: number | null;
  planRef: number | null;
  status: FileStatus;
  records: number;
  checksumField: string;
  checksum: string;
  createdAt: string;
  statusChangedAt: string;
  /** The two extracts the file was computed from, when built by comparing them. */
  computedFrom?: ComputedFrom;
}

/** An MIS extract by its file name and the SHA-256 of its bytes. */
export interface ExtractIdentity {
  name: string;
  sha256: string;
}

/** The data as returned and the corrected data a file's records were worked out from. */
export interface ComputedFrom {
  returned: ExtractIdentity;
  corrected: ExtractIdentity;
}

export interface BatchFile {
  position: number;
  name: string;
  status: FileStatus;
  sha256: string;
  /** The earlier batch this file was first sent in, when the batch re-submits it. */
  fromBatchId: number | null;
}

export interface Batch {
  id: number;
  upin: string;
  year: string;
  destination: string;
  planId: number;
  status: BatchStatus;
  signedOffBy: string | null;
  signedOffAt: string | null;
  createdAt: string;
  statusChangedAt: string;
  /** The .amd files of a 2010-11 (or earlier) batch; empty for a batch of XML files. */
  files: BatchFile[];
  /** For 2011-12 and later years: the ILR XML files, what is missing, and any override. */
  xml?: XmlBatchContents;
}

/** An ILR 'A' or 'B' XML amendment file kept in the history, as checked when it came in. */
export interface StoredXmlFile {
  id: number;
  upin: string;
  year: string;
  name: string;
  ukprn: string;
  transmissionType: 'A' | 'B';
  /** NN, two digits, as in the name and Header/Source/SerialNo. */
  serialNo: string;
  sha256: string;
  bytes: number;
  learners: number;
  deliveries: number;
  /** Header/CollectionDetails/FilePreparationDate, YYYY-MM-DD. */
  preparedOn: string | null;
  /** Warnings the check found (files with errors are never kept). */
  warnings: number;
  status: XmlFileStatus;
  withdrawnReason: string | null;
  createdAt: string;
  statusChangedAt: string;
}

export interface XmlBatchFile {
  position: number;
  name: string;
  status: XmlFileStatus;
  sha256: string;
  transmissionType: 'A' | 'B';
  serialNo: string;
  learners: number;
  deliveries: number;
  /** The file had been submitted already when it joined this batch: it is sent again. */
  carriedOver: boolean;
  /** The earlier batch the file was first in; null when it was only ever sent on its own. */
  fromBatchId: number | null;
}

/** An earlier submitted file of the provider and year that this batch leaves out. */
export interface MissingXmlFile {
  name: string;
  status: XmlFileStatus;
  /** The first batch it was sent in, if it went in one. */
  fromBatchId: number | null;
}

/** The user's decision to send a batch without some earlier files, and why. */
export interface BatchOverride {
  reason: string;
  by: string;
  at: string;
  /** The files left out when the override was given; it covers those and no others. */
  missing: string[];
}

export interface XmlBatchContents {
  files: XmlBatchFile[];
  /** Earlier submitted files not in the batch (only while it can still change or be sent). */
  missing: MissingXmlFile[];
  /** The newest override, if one was given. */
  override: BatchOverride | null;
  /** Nothing is missing. */
  complete: boolean;
  /** Complete, or the override covers every file that is missing. */
  uploadable: boolean;
}

/** `batch check`: the re-submission rule applied to one batch. */
export interface XmlBatchCheck extends Omit<XmlBatchContents, 'files'> {
  batchId: number;
  upin: string;
  year: string;
  /** False for a 2010-11 (or earlier) batch of .amd files, to which the rule does not apply. */
  applies: boolean;
}
