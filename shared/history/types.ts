// What the history holds, as plain data: the same shapes cross IPC to the screens later.
import type { AdditionType, AmendmentKind, DataSet } from '../amd/model';
import type { BatchStatus, FileStatus, PlanStatus } from './lifecycle';

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
  files: BatchFile[];
}
