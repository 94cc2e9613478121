// Data portal returns: the schedule of data requests, file formats, CSV checks, uploads against a
// request and nil returns. Merged into the contract's handler map (contract.ts).
import { z } from 'zod';
import type { RequestStatus } from '../portal/status';
import type { CsvFinding } from '../portal/csv-check';
import { DEFAULT_CHECK_TIME_LIMIT_MS } from '../portal/csv-check';
import type { ReceiptView } from './views';
import { isoDateSchema as day } from '../domain';
import { fileBytes, id, password } from './common';
import { TEXT_LIMITS as MAX, trimmedText } from './limits';

/** A destination by its name, as the command line gives it (the screens give its id). */
const destinationName = trimmedText('The destination name', MAX.name).min(
  1,
  'Name the destination.',
);

const TIME_LIMIT = 'Give the time limit as a number of seconds above 0 and at most 3600.';

export const portalInputs = {
  'portal.requests': z
    .object({
      /** Word the statuses as on this day (YYYY-MM-DD) rather than today. */
      today: day.optional(),
      /** Only this destination's requests. */
      destination: destinationName.optional(),
    })
    .optional(),
  'portal.sync': z.object({
    /**
     * With `destination`, that portal's password for this call; without, the password for the
     * portals with none stored (the others keep their own).
     */
    password,
    /** Only this portal, whose failure is then the call's error; every destination without. */
    destination: destinationName.optional(),
  }),
  'portal.addRequest': z
    .object({
      period: trimmedText('The reporting period', MAX.name).min(
        1,
        'Enter the reporting period (e.g. June 2019).',
      ),
      template: trimmedText('The template', MAX.name).min(
        1,
        'Enter the template (e.g. SpecificationCodes).',
      ),
      /** Left out, the collection opens on the due date (as the guide's dashboard counts). */
      opens: day.optional(),
      due: day,
      destinationId: id.optional(),
      /** The destination by name instead of by id. */
      destination: destinationName.optional(),
    })
    .refine((r) => r.opens === undefined || r.due >= r.opens, {
      message: 'The due date cannot be before the collection opens.',
      path: ['due'],
    })
    .refine((r) => r.destinationId === undefined || r.destination === undefined, {
      message: 'Choose the destination once, by its id or by its name.',
      path: ['destination'],
    }),
  'portal.importRequests': fileBytes,
  'portal.formats': z.void(),
  'portal.importFormat': fileBytes.extend({
    template: trimmedText('The template', MAX.name).min(
      1,
      'Name the template this file format is for.',
    ),
  }),
  'portal.check': z.object({ requestId: id, file: fileBytes }),
  /** A data CSV against a file-format specification handed over with it, not one imported. */
  'portal.checkFile': z.object({
    format: fileBytes,
    file: fileBytes,
    /**
     * Seconds the whole check may run before it stops and reports what it found so far; one value
     * may keep its column's expression running for at most DEFAULT_TIME_LIMIT_MS of it.
     */
    timeLimit: z
      .number({ error: TIME_LIMIT })
      .gt(0, TIME_LIMIT)
      .max(3600, TIME_LIMIT)
      .default(DEFAULT_CHECK_TIME_LIMIT_MS / 1000),
  }),
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
  /** YYYY-MM-DD; the due date when none was given. */
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

/** A data CSV checked against a specification handed over with it (`portal.checkFile`). */
export interface CsvFileCheckView {
  file: string;
  /** The specification's file name. */
  format: string;
  valid: boolean;
  rows: number;
  errors: number;
  warnings: number;
  findings: CsvFinding[];
}

/** The receipt of a file sent for a data request, with the request as it now stands. */
export interface PortalReceiptView extends ReceiptView {
  request: DataRequestView;
}

export interface PortalOutputs {
  'portal.requests': { today: string; requests: DataRequestView[] };
  'portal.sync': { added: number; updated: number; destinations: string[]; problems: string[] };
  'portal.addRequest': DataRequestView;
  'portal.importRequests': { added: number; skipped: number };
  'portal.formats': FileFormatView[];
  'portal.importFormat': FileFormatView;
  'portal.check': CsvCheckView;
  'portal.checkFile': CsvFileCheckView;
  'portal.upload': PortalReceiptView;
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
