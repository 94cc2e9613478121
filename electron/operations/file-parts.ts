// What makes an amendment file, apart from the history: the records an MIS extract gives (against
// the data as returned, those that differ from it), the file built and checked for one provider and
// NN, and both together (buildFromExtract), which the import worker runs so that a crafted extract
// fails there, never in the app's main process. Nothing here opens the history, so the worker can
// load it; file-build.ts finalises what is built here against a plan row.
import { createHash } from 'node:crypto';
import { buildAndCheck, planFromExtract } from '../../shared/amd';
import type {
  AdditionType,
  AmendmentKind,
  CalendarDate,
  DataSet,
  Extract,
  ExtractPlan,
  FileReport,
} from '../../shared/amd';
import type { IlrCatalogue } from '../../shared/ilr/catalogue';
import { catalogueFor } from '../../shared/ilr/catalogue';
import type { ComputedFrom } from '../../shared/history/types';
import type { FileBytes } from '../../shared/ipc/common';
import { encodeWindows1252 } from '../files/text';
import { ExtractError } from '../files/extract';
import { readExtract } from '../files/extract';
import { recordsForFile } from '../../shared/compare';
import { OperationError } from './refusal';
import { sourceOf } from './source';
import { comparePair } from './compare-pair';

/** What makes a file, whatever its records came from; the provider, NN and description aside. */
export interface FileParts {
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  createdOn: CalendarDate;
  notes?: readonly string[];
  fields: readonly string[];
  uniqueFields: readonly string[];
  changedFields: readonly string[];
  checksumField: string;
  records: readonly (readonly string[])[];
}

export interface CheckOptions {
  /** Also check field codes and lengths against a year's catalogue. */
  catalogue?: IlrCatalogue;
  today: CalendarDate;
}

/** A file built, checked and encoded as it is sent: Windows-1252, CRLF. */
export interface BuiltFile {
  name: string;
  seq: number;
  bytes: Buffer;
  sha256: string;
  records: number;
  checksumField: string;
  checksum: string;
  /** The builder's check: warnings at most. */
  report: FileReport;
}

/** The refusal of a file that would not be valid: one problem on the line, several listed. */
function notValid(problems: readonly string[]): string {
  const head = 'The file was not written because it would not be valid:';
  const [only, ...more] = problems;
  if (only !== undefined && more.length === 0) return `${head} ${only}`;
  return `${head}\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

/** Builds and checks the file for one provider and NN; refuses one that would not be valid. */
export function buildChecked(
  parts: FileParts,
  provider: string,
  seq: number,
  description: string,
  o: CheckOptions,
): BuiltFile {
  const built = buildAndCheck(
    {
      kind: parts.kind,
      dataSet: parts.dataSet,
      additionType: parts.additionType,
      provider,
      seq,
      createdOn: parts.createdOn,
      description,
      notes: (parts.notes ?? []) as [string, string],
      fields: parts.fields,
      uniqueFields: parts.uniqueFields,
      changedFields: parts.changedFields,
      checksumField: parts.checksumField,
      records: parts.records,
    },
    { catalogue: o.catalogue, today: o.today },
  );
  if (!built.ok) throw new OperationError('INVALID_FILE', notValid(built.problems));
  const bytes = encodeWindows1252(built.file.text);
  return {
    name: built.file.name,
    seq,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    records: built.file.records,
    checksumField: parts.checksumField,
    checksum: built.file.checksum,
    report: built.report,
  };
}

export interface ExtractRequest extends FileBytes {
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  keys?: string[];
  changed?: string[];
  checksumField: string;
  /** The data as returned: the records are then those that differ from it (records-for-file.ts). */
  returned?: FileBytes;
  /** The wizard's column mapping (MIS header → ILR field), applied to both extracts. */
  columns?: Readonly<Record<string, string>>;
}

/** An extract's plan, and the two extracts its records were worked out from, if compared. */
export interface PlannedExtract {
  plan: ExtractPlan;
  computedFrom?: ComputedFrom;
}

/**
 * Reads an MIS extract (against the data as returned, only the records that differ from it) and
 * decides the file's fields, keys, checksum field and records; refuses an extract that cannot make
 * the file asked for (a missing column, no checksum field that fits, no record that differs).
 */
export async function planExtract(req: ExtractRequest): Promise<PlannedExtract> {
  let extract: Extract;
  let changed = req.changed;
  let keys = req.keys;
  let computedFrom: ComputedFrom | undefined;
  if (req.returned) {
    const compared = await comparePair({ ...req, returned: req.returned, corrected: req });
    const picked = recordsForFile(req.kind, compared, req.changed);
    if (!picked.ok) throw new OperationError('INVALID_FILE', picked.message);
    extract = picked.extract;
    changed = picked.changed;
    keys = compared.comparison.keys;
    computedFrom = compared.extracts;
  } else {
    try {
      extract = await readExtract(sourceOf(req));
    } catch (e) {
      if (e instanceof ExtractError) throw new OperationError('INVALID_INPUT', e.message);
      throw e;
    }
  }
  const planned = planFromExtract(extract, {
    kind: req.kind,
    dataSet: req.dataSet,
    additionType: req.additionType,
    keys,
    changed,
    checksumField: req.checksumField,
  });
  if (!planned.ok) throw new OperationError('INVALID_FILE', planned.message);
  return { plan: planned.plan, computedFrom };
}

/** What makes a file whose fields, keys, checksum field and records an extract's plan decided. */
export function fromPlan(
  i: Pick<FileParts, 'kind' | 'dataSet' | 'additionType' | 'notes'>,
  plan: ExtractPlan,
  createdOn: CalendarDate,
): FileParts {
  return {
    kind: i.kind,
    dataSet: i.dataSet,
    additionType: i.additionType,
    notes: i.notes,
    createdOn,
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    records: plan.records,
  };
}

/** Whom a file is for and where it goes in their sequence: line 3 and the file's name. */
export interface FileTarget {
  provider: string;
  seq: number;
  description: string;
}

/** A file built from an extract, with what the builder decided (its records aside). */
export interface ExtractFile {
  built: BuiltFile;
  plan: Omit<ExtractPlan, 'records'>;
  computedFrom?: ComputedFrom;
}

/** How a file is made from an extract, apart from the extract itself and whom it is for. */
export type ExtractFileRequest = ExtractRequest &
  Pick<FileParts, 'notes' | 'createdOn'> & {
    today: CalendarDate;
    /** Also check field codes and lengths against this year's catalogue. */
    year?: string;
  };

/** Reads the extract(s), decides the file and builds it for one provider and NN. */
export async function buildFromExtract(
  req: ExtractFileRequest,
  target: FileTarget,
): Promise<ExtractFile> {
  const { plan, computedFrom } = await planExtract(req);
  const parts = fromPlan(req, plan, req.createdOn);
  const catalogue = req.year === undefined ? undefined : catalogueFor(req.year);
  const built = buildChecked(parts, target.provider, target.seq, target.description, {
    catalogue,
    today: req.today,
  });
  // The records stay here: the caller has them in the file, and they may be many.
  const decided = {
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksum: plan.checksum,
    ignoredColumns: plan.ignoredColumns,
  };
  return { built, plan: decided, ...(computedFrom ? { computedFrom } : {}) };
}
