// The new-file wizard's whole state in one reducer, kept in the drafts above the error boundary:
// going Back, visiting another screen or a screen failure never loses what was entered. Anything
// that changes what the file would contain clears that file's preview, so a preview on screen is
// always of the choices on screen.
import type { AdditionType, DataSet } from '../../../../shared/amd';
import type { AmendmentKind } from '../../../../shared/amd';
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import type { LoadedExtract, PreviewSummary } from '../workers/extract-calls';
import type { Selection } from './selection';
import type { ComparisonView } from './comparison-view';
import { selectAll } from './selection';

/** The approved plan row the files are for, as it was when chosen. */
export interface ChosenRow {
  planId: number;
  ref: number;
  upin: string;
  year: string;
  kind: AmendmentKind;
  description: string;
  fields: string;
  /** The number of records the row says the file holds. */
  records: number;
}

export interface ExtractInfo extends LoadedExtract {
  fileName: string;
  bytes: number;
}

/** The data as returned, compared with the extract loaded; the file is worked out from the two. */
export interface ReturnedState {
  fileName: string;
  bytes: number;
  /** The keys the records were matched on. */
  keys: string[];
  view: ComparisonView;
}

export interface PartState {
  extract: ExtractInfo | null;
  /** One ILR field code per extract column, or '' for a column not used. */
  codes: string[];
  filter: string;
  selection: Selection | null;
  /** null until the user changes them: the suggestions apply. */
  keys: string[] | null;
  changed: string[] | null;
  checksum: string;
  preview: PreviewSummary | null;
  finalised: StoredAmendmentFile | null;
  /** Set once compared with the data as returned: finalising then works the records out. */
  returned: ReturnedState | null;
}

export interface WizardState {
  row: ChosenRow | null;
  dataSet: DataSet;
  additionType: AdditionType;
  /**
   * Whether a T=3 or T=2 set has an HE (H) file: a set whose learning aims are none of them HE
   * has no HE records, and the guide's set is then its other files, still under one NN.
   */
  withHe: boolean;
  /** Line 3; empty means the plan row's own description. */
  description: string;
  notes: [string, string];
  step: number;
  parts: Record<DataSet, PartState>;
}

export const EMPTY_PART: PartState = {
  extract: null,
  codes: [],
  filter: '',
  selection: null,
  keys: null,
  changed: null,
  checksum: 'auto',
  preview: null,
  finalised: null,
  returned: null,
};

export const START: WizardState = {
  row: null,
  dataSet: 'A',
  additionType: 3,
  withHe: true,
  description: '',
  notes: ['', ''],
  step: 0,
  parts: { L: EMPTY_PART, A: EMPTY_PART, H: EMPTY_PART },
};

export type WizardAction =
  | { type: 'row'; row: ChosenRow; dataSet?: DataSet }
  | { type: 'dataSet'; dataSet: DataSet }
  | { type: 'additionType'; additionType: AdditionType }
  | { type: 'withHe'; withHe: boolean }
  | { type: 'description'; text: string }
  | { type: 'note'; index: 0 | 1; text: string }
  | { type: 'go'; step: number }
  | { type: 'loaded'; dataSet: DataSet; extract: ExtractInfo; codes: string[] }
  | { type: 'unload'; dataSet: DataSet }
  | { type: 'code'; dataSet: DataSet; column: number; code: string }
  | { type: 'filter'; dataSet: DataSet; filter: string }
  | { type: 'selection'; dataSet: DataSet; selection: Selection }
  | { type: 'keys'; dataSet: DataSet; keys: string[] }
  | { type: 'changed'; dataSet: DataSet; changed: string[] }
  | { type: 'checksum'; dataSet: DataSet; checksum: string }
  | {
      type: 'compared';
      dataSet: DataSet;
      returned: ReturnedState;
      selection: Selection;
      changed: string[] | null;
    }
  | { type: 'uncompared'; dataSet: DataSet }
  | { type: 'preview'; dataSet: DataSet; preview: PreviewSummary }
  | { type: 'finalised'; dataSet: DataSet; file: StoredAmendmentFile }
  | { type: 'reset' }
  /** A draft kept in the history, its extracts loaded again. */
  | { type: 'restore'; state: WizardState };

function part(s: WizardState, d: DataSet, patch: Partial<PartState>, keepPreview = false) {
  const next = { ...s.parts[d], ...patch };
  if (!keepPreview) next.preview = null;
  return { ...s, parts: { ...s.parts, [d]: next } };
}

function allPreviewsCleared(s: WizardState): WizardState['parts'] {
  const clear = (p: PartState) => ({ ...p, preview: null });
  return { L: clear(s.parts.L), A: clear(s.parts.A), H: clear(s.parts.H) };
}

/** Leaving the comparison: every record is chosen again, as when the extract was loaded. */
function uncompared(p: PartState): Partial<PartState> {
  if (!p.returned) return {};
  return { returned: null, selection: p.extract ? selectAll(p.extract.rows) : null };
}

/** Once a file of the set is finalised, its choices are history: nothing may change them. */
export function isLocked(s: WizardState): boolean {
  return Object.values(s.parts).some((p) => p.finalised !== null);
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  if (a.type === 'reset') return START;
  if (a.type === 'restore') return a.state;
  if (a.type === 'go') return { ...s, step: Math.max(0, a.step) };
  if (a.type === 'preview') return part(s, a.dataSet, { preview: a.preview }, true);
  if (a.type === 'finalised') return part(s, a.dataSet, { finalised: a.file }, true);
  if (isLocked(s)) return s;
  switch (a.type) {
    case 'row': {
      const sameRow = s.row?.planId === a.row.planId && s.row.ref === a.row.ref;
      // A different row means different changed fields; what the user chose for keys and
      // checksum still applies to the same extract.
      const parts = allPreviewsCleared(s);
      if (!sameRow)
        for (const d of ['L', 'A', 'H'] as const) parts[d] = { ...parts[d], changed: null };
      return {
        ...s,
        row: a.row,
        dataSet: a.dataSet ?? s.dataSet,
        description: sameRow ? s.description : '',
        parts,
      };
    }
    case 'dataSet':
      return { ...s, dataSet: a.dataSet };
    case 'additionType':
      return { ...s, additionType: a.additionType };
    case 'withHe':
      // The HE part is kept as it is: ticking the box again brings back what was entered.
      return { ...s, withHe: a.withHe };
    case 'description':
      return { ...s, description: a.text, parts: allPreviewsCleared(s) };
    case 'note': {
      const notes: [string, string] = [...s.notes];
      notes[a.index] = a.text;
      return { ...s, notes, parts: allPreviewsCleared(s) };
    }
    case 'loaded':
      return part(s, a.dataSet, {
        ...EMPTY_PART,
        extract: a.extract,
        codes: a.codes,
        selection: selectAll(a.extract.rows),
      });
    case 'unload':
      return part(s, a.dataSet, EMPTY_PART);
    case 'code': {
      const codes = [...s.parts[a.dataSet].codes];
      codes[a.column] = a.code;
      // Another mapping is another comparison: the user compares again.
      return part(s, a.dataSet, { codes, ...uncompared(s.parts[a.dataSet]) });
    }
    case 'compared': {
      const p = s.parts[a.dataSet];
      return part(s, a.dataSet, {
        returned: a.returned,
        selection: a.selection,
        changed: a.changed ?? p.changed,
      });
    }
    case 'uncompared':
      return part(s, a.dataSet, uncompared(s.parts[a.dataSet]));
    case 'filter':
      return part(s, a.dataSet, { filter: a.filter }, true);
    case 'selection':
      return part(s, a.dataSet, { selection: a.selection });
    case 'keys':
      // Other keys match other records: the comparison no longer says which records differ.
      return part(s, a.dataSet, { keys: a.keys, ...uncompared(s.parts[a.dataSet]) });
    case 'changed':
      return part(s, a.dataSet, { changed: a.changed });
    case 'checksum':
      return part(s, a.dataSet, { checksum: a.checksum });
  }
}
