// Data portal returns: the schedule of data requests, file formats, CSV checks, uploads against a
// request and nil returns. Merged into the contract's handler map (contract.ts).
import { z } from 'zod';
import type { RequestStatus } from '../portal/status';
import type { CsvFinding } from '../portal/csv-check';
import type { ReceiptView } from './views';
import { isoDateSchema as day } from '../domain';
import { fileBytes, id, password } from './common';

export const portalInputs = {
  'portal.requests': z.void(),
  'portal.sync': z.object({ password }),
  'portal.addRequest': z
    .object({
      period: z.string().trim().min(1, 'Enter the reporting period (e.g. June 2019).').max(200),
      template: z.string().trim().min(1, 'Enter the template (e.g. SpecificationCodes).').max(200),
      opens: day,
      due: day,
      destinationId: id.optional(),
    })
    .refine((r) => r.due >= r.opens, {
      message: 'The due date cannot be before the collection opens.',
      path: ['due'],
    }),
  'portal.importRequests': fileBytes,
  'portal.formats': z.void(),
  'portal.importFormat': fileBytes.extend({
    template: z.string().trim().min(1, 'Name the template this file format is for.').max(200),
  }),
  'portal.check': z.object({ requestId: id, file: fileBytes }),
  'portal.upload': z.object({
    requestId: id,
    file: fileBytes,
    /** The user has seen the check's errors and chose to send the file anyway. */
    acknowledgeErrors: z.boolean().default(false),
    password,
  }),
  'portal.nilReturn': z.object({ requestId: id, password }),
} as const;

export interface FileFormatView {
  id: number;
  template: string;
  sourceName: string;
  /** The data file's column names, in order. */
  columns: string[];
  importedAt: string;
  sha256: string;
}

export interface DataRequestView {
  id: number;
  period: string;
  template: string;
  /** YYYY-MM-DD */
  opens: string;
  /** YYYY-MM-DD */
  due: string;
  /** The destination's name; null for a request added without one. */
  destination: string | null;
  /** Synced from a portal (true) or added here (false). */
  fromPortal: boolean;
  status: RequestStatus;
  latestUpload: {
    id: number;
    fileName: string;
    status: ReceiptView['status'];
    receivedAt: string | null;
  } | null;
  nilReturn: { at: string; by: string } | null;
  /** The file format attached to the request's template, if one was imported. */
  format: FileFormatView | null;
}

export interface CsvCheckView {
  file: string;
  template: string;
  /** Null when no file format is attached to the template: only the basics were checked. */
  format: { sourceName: string; importedAt: string } | null;
  valid: boolean;
  rows: number;
  errors: number;
  warnings: number;
  findings: CsvFinding[];
}

export interface PortalOutputs {
  'portal.requests': { today: string; requests: DataRequestView[] };
  'portal.sync': { added: number; updated: number; destinations: string[]; problems: string[] };
  'portal.addRequest': DataRequestView;
  'portal.importRequests': { added: number; skipped: number };
  'portal.formats': FileFormatView[];
  'portal.importFormat': FileFormatView;
  'portal.check': CsvCheckView;
  'portal.upload': ReceiptView;
  'portal.nilReturn': DataRequestView;
}

export const portalMutations = {
  'portal.sync': ['requests', 'uploads'],
  'portal.addRequest': ['requests'],
  'portal.importRequests': ['requests'],
  'portal.importFormat': ['formats'],
  'portal.upload': ['uploads', 'requests'],
  'portal.nilReturn': ['requests'],
} as const;
