// Building an amendment file and finalising it, once for every door: from records the wizard
// chose (files.finalise) or from an MIS extract (files.build). Finalising against an approved
// action plan row allocates the NN inside the history's transaction and builds the file for it; a
// file that would not be valid is refused there, so nothing is kept and the NN stays free.
import { createHash } from 'node:crypto';
import type { Store } from '../store';
import { StoreError } from '../store';
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
import type { ComputedFrom, StoredAmendmentFile } from '../../shared/history/types';
import type { FileBytes } from '../../shared/ipc/common';
import { describeForRow } from '../../shared/history/wording';
import { encodeWindows1252 } from '../files/text';
import { ExtractError } from '../files/extract';
import { readExtract } from '../files/extract';
import { recordsForFile } from '../../shared/compare';
import { OperationError } from './refusal';
import { sourceOf } from './source';
import { comparePair } from './compare';

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

export interface RowRequest {
  planId: number;
  ref: number;
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  /** Line 3; the row's own description when absent. Either way it names the reference number. */
  description?: string;
  /** An NN chosen by the user; refused if the history already holds it. */
  seq?: number;
  /** The provider the user meant, if they said: refused if the plan is another provider's. */
  upin?: string;
  /** Why the file holds more or fewer records than the row says; required when it does. */
  reason?: string;
}

const plural = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

/**
 * A file whose record count differs from its plan row's is finalised only with a stated reason
 * (477,953 records against a row for 3 is a wrong extract, not an amendment); every door obeys it.
 */
export function checkRowCount(
  records: number,
  row: { ref: number; records: number },
  planId: number,
  reason: string | undefined,
): void {
  if (records === row.records || reason !== undefined) return;
  throw new OperationError(
    'INVALID_INPUT',
    `The file holds ${plural(records)} but row ${row.ref} of plan ${planId} is for ${plural(row.records)}; state the reason for the difference to finalise it.`,
  );
}

/**
 * Finalises a file against an approved action plan row: the NN is allocated in the history's
 * transaction, `build` makes the file for it there, and the file is kept as final.
 */
export function finaliseAgainstRow(
  store: Store,
  req: RowRequest,
  build: (provider: string, seq: number, description: string) => BuiltFile,
  computedFrom?: ComputedFrom,
): { stored: StoredAmendmentFile; built: BuiltFile } {
  const { plan, row } = store.plans.approvedRow(req.planId, req.ref, req.kind);
  if (req.upin !== undefined && req.upin !== plan.upin)
    throw new StoreError(
      'CONFLICT',
      `Plan ${plan.id} is for provider ${plan.upin}, not ${req.upin}.`,
    );
  const description = describeForRow(req.description ?? row.description, row.ref);
  let built: BuiltFile | undefined;
  const stored = store.files.finalise({
    providerId: plan.providerId,
    year: plan.year,
    kind: req.kind,
    dataSet: req.dataSet,
    additionType: req.additionType,
    planRowId: row.id,
    explicitSeq: req.seq,
    recordsReason: req.reason,
    computedFrom,
    build: (seq) => {
      built = build(plan.upin, seq, description);
      // Inside the transaction: a refusal here keeps nothing and leaves the NN free.
      checkRowCount(built.records, row, plan.id, req.reason);
      return built;
    },
  });
  if (!built) throw new Error('The file was not built.');
  return { stored, built };
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
