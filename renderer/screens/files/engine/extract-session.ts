// One loaded extract, as the worker keeps it: rows on request (only what is on screen crosses to
// the page), searches, and the amendment file built from the chosen records and fields.
import type { AmendmentKind, DataSet, AdditionType, CalendarDate } from '../../../../shared/amd';
import type { ChecksumChoice, FileReport } from '../../../../shared/amd';
import {
  AmendmentFileValidator,
  buildAmendmentFile,
  planFromExtract,
} from '../../../../shared/amd';
import { catalogueFor } from '../../../../shared/ilr/catalogue';
import { isFieldCode } from '../../../../shared/domain';
import type { ParsedExtract } from './extract-parse';
import type { ColumnCodes } from './mapping';

export interface FileChoices {
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  keys: string[];
  changed: string[];
  /** A field code, or 'auto'. */
  checksum: string;
}

export interface PreviewSpec extends FileChoices {
  provider: string;
  createdOn: CalendarDate;
  /** Line 3, already naming the plan reference. */
  description: string;
  notes: [string, string];
  /** The ILR year whose catalogue the preview is checked against, if ReturnDesk has it. */
  year: string;
  /** The NN the history would give now; the placeholder when it could not say. */
  seq?: number;
}

export interface PlannedFile {
  fields: string[];
  uniqueFields: string[];
  changedFields: string[];
  checksum: ChecksumChoice;
  records: string[][];
}

export type PlanOutcome = { ok: true; plan: PlannedFile } | { ok: false; problems: string[] };

export type PreviewOutcome =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      name: string;
      text: string;
      report: FileReport;
      plan: Omit<PlannedFile, 'records'>;
    };

/** The engine says what to choose in words every door can show; the wizard also names where. */
function inWizardWords(message: string): string {
  return message.replace(
    /being corrected: choose them\.$/,
    'being corrected: choose them under “Changed fields”.',
  );
}

export class ExtractSession {
  constructor(readonly parsed: ParsedExtract) {}

  get rowCount(): number {
    return this.parsed.store.rows;
  }

  rows(indices: ArrayLike<number>): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < indices.length; i++) out.push(this.parsed.store.row(indices[i] as number));
    return out;
  }

  search(query: string): Uint32Array {
    return this.parsed.store.search(query.trim());
  }

  /** The records chosen, as planFromExtract sees them: only the columns mapped to ILR fields. */
  plan(codes: ColumnCodes, choices: FileChoices, selected: Uint8Array): PlanOutcome {
    const cols = codes.map((c, i) => (isFieldCode(c) ? i : -1)).filter((i) => i >= 0);
    const header = cols.map((i) => codes[i] as string);
    const store = this.parsed.store;
    const rows: string[][] = [];
    for (let r = 0; r < store.rows; r++) {
      if (!selected[r]) continue;
      const n = store.valueCount(r);
      if (n !== store.width) {
        return {
          ok: false,
          problems: [
            `Row ${r + 2} of the extract has ${n} values but its header row has ${store.width}; check for a missing value or an unquoted comma, or leave that record out.`,
          ],
        };
      }
      rows.push(store.row(r, cols));
    }
    if (rows.length === 0) return { ok: false, problems: ['No records are selected.'] };
    const r = planFromExtract(
      { header, rows },
      {
        kind: choices.kind,
        dataSet: choices.dataSet,
        additionType: choices.additionType,
        keys: choices.kind === 'ADD' ? undefined : choices.keys,
        changed: choices.changed,
        checksumField: choices.checksum,
      },
    );
    if (!r.ok) return { ok: false, problems: [inWizardWords(r.message)] };
    return { ok: true, plan: r.plan };
  }

  /** Builds the file exactly as finalising will (with the NN the history would give) and checks it. */
  preview(
    codes: ColumnCodes,
    spec: PreviewSpec,
    selected: Uint8Array,
    progress: PreviewProgress = () => undefined,
  ): PreviewOutcome {
    progress('Choosing the records and fields', 0, 1);
    const planned = this.plan(codes, spec, selected);
    if (!planned.ok) return planned;
    return previewOf(planned.plan, spec, progress);
  }
}

/** The placeholder NN: the real one is allocated by main when the file is finalised. */
export const PLACEHOLDER_SEQ = 1;

export type PreviewProgress = (phase: string, done: number, total: number) => void;

const CHECK_CHUNK = 1 << 20;

export function previewOf(
  plan: PlannedFile,
  spec: PreviewSpec,
  progress: PreviewProgress = () => undefined,
): PreviewOutcome {
  progress('Writing the file', 0, 1);
  const built = buildAmendmentFile({
    kind: spec.kind,
    dataSet: spec.dataSet,
    additionType: spec.kind === 'ADD' ? spec.additionType : undefined,
    provider: spec.provider,
    seq: spec.seq ?? PLACEHOLDER_SEQ,
    createdOn: spec.createdOn,
    description: spec.description,
    notes: spec.notes,
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    records: plan.records,
  });
  if (!built.ok) return { ok: false, problems: built.problems };
  const text = built.file.text;
  const v = new AmendmentFileValidator({
    fileName: built.file.name,
    catalogue: catalogueFor(spec.year),
    today: spec.createdOn,
  });
  for (let at = 0; at < text.length; at += CHECK_CHUNK) {
    progress('Checking the file', at, text.length);
    v.write(text.slice(at, at + CHECK_CHUNK));
  }
  const report = v.end();
  const { fields, uniqueFields, changedFields, checksum } = plan;
  return {
    ok: true,
    name: built.file.name,
    text,
    report,
    plan: { fields, uniqueFields, changedFields, checksum },
  };
}
