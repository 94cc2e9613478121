// The wizard's steps, what each needs before the user may go on, and the choices the engine gets.
import type { AmendmentKind, CalendarDate, DataSet } from '../../../../shared/amd';
import { DATA_SET_NAMES } from '../../../../shared/amd';
import { describeForRow } from '../../../../shared/history/wording';
import type { FileChoices, PreviewSpec } from '../engine/extract-session';
import { repeatedCodes } from '../engine/mapping';
import { fileFromComparison } from './comparison-view';
import { dataSetCodes, dataSetsFor, defaultChanged, defaultKeys } from './defaults';
import type { PartState, WizardState } from './wizard-state';

export type StepId = 'row' | 'extract' | 'columns' | 'records' | 'fields' | 'preview' | 'finalise';

export interface Step {
  id: StepId;
  dataSet: DataSet | null;
}

export const STEP_LABELS: Record<StepId, string> = {
  row: 'Plan row',
  extract: 'Extract',
  columns: 'Columns',
  records: 'Records',
  fields: 'Fields',
  preview: 'Preview',
  finalise: 'Finalise',
};

const PART_STEPS: StepId[] = ['extract', 'columns', 'records', 'fields', 'preview'];

export function partsOf(s: WizardState): DataSet[] {
  return dataSetsFor(s.row?.kind ?? null, s.dataSet, s.additionType, s.withHe);
}

export function stepsOf(s: WizardState): Step[] {
  const steps: Step[] = [{ id: 'row', dataSet: null }];
  for (const d of partsOf(s)) for (const id of PART_STEPS) steps.push({ id, dataSet: d });
  steps.push({ id: 'finalise', dataSet: null });
  return steps;
}

export function stepTitle(step: Step, kind: AmendmentKind | null = null): string {
  const of = step.dataSet ? ` – ${DATA_SET_NAMES[step.dataSet]} (${step.dataSet}) file` : '';
  const titles: Record<StepId, string> = {
    row: 'Choose the approved plan row',
    extract: 'Load the MIS extract',
    columns: 'Match columns to ILR fields',
    records: 'Choose the records',
    fields:
      kind === 'ADD'
        ? 'Fields and checksum'
        : kind === 'DELETE'
          ? 'Key and checksum fields'
          : 'Key, changed and checksum fields',
    preview: 'Preview and check',
    finalise: 'Finalise',
  };
  return titles[step.id] + of;
}

export function keysOf(s: WizardState, d: DataSet): string[] {
  const p = s.parts[d];
  return p.keys ? p.keys.filter((k) => p.codes.includes(k)) : defaultKeys(p.codes, d);
}

export function changedOf(s: WizardState, d: DataSet): string[] {
  const p = s.parts[d];
  return p.changed
    ? p.changed.filter((k) => p.codes.includes(k))
    : defaultChanged(s.row?.fields ?? '', p.codes, d);
}

export function choicesOf(s: WizardState, d: DataSet): FileChoices {
  const kind = s.row?.kind ?? 'CHANGE';
  return {
    kind,
    dataSet: d,
    additionType: kind === 'ADD' ? s.additionType : undefined,
    keys: kind === 'ADD' ? [] : keysOf(s, d),
    changed: kind === 'CHANGE' ? changedOf(s, d) : [],
    checksum: s.parts[d].checksum,
  };
}

/** Line 3 as it will be written: the plan's reference number is added when the text lacks it. */
export function descriptionOf(s: WizardState): string {
  const text = s.description.trim() || s.row?.description || '';
  return s.row ? describeForRow(text, s.row.ref) : text;
}

export function previewSpecOf(s: WizardState, d: DataSet, today: CalendarDate): PreviewSpec {
  return {
    ...choicesOf(s, d),
    provider: s.row?.upin ?? '',
    createdOn: today,
    description: descriptionOf(s),
    notes: s.notes,
    year: s.row?.year ?? '',
  };
}

/** Why the user cannot go on from a step yet, or null when they can. */
export function blockedBy(s: WizardState, step: Step): string | null {
  const d = step.dataSet;
  const p: PartState | null = d ? s.parts[d] : null;
  switch (step.id) {
    case 'row':
      if (!s.row) return 'Choose an approved plan row.';
      if (descriptionOf(s).trim() === '') return 'Describe the correction (line 3 of the file).';
      return null;
    case 'extract':
      if (!p?.extract) return 'Load the MIS extract for this file.';
      if (p.extract.rows === 0) return 'The extract has a header row but no records.';
      return null;
    case 'columns': {
      if (!p || !d) return null;
      const twice = repeatedCodes(p.codes);
      if (twice.length > 0)
        return `${twice.join(', ')} ${twice.length === 1 ? 'is' : 'are'} chosen for more than one column; keep one.`;
      if (dataSetCodes(p.codes, d).length === 0)
        return `No column is matched to a ${DATA_SET_NAMES[d]} (${d}) field yet.`;
      return null;
    }
    case 'records':
      if (p?.returned) {
        const file = fileFromComparison(s.row?.kind ?? 'CHANGE', p.returned.view);
        return file.ok ? null : file.text;
      }
      return p?.selection && p.selection.count > 0 ? null : 'Choose at least one record.';
    case 'fields': {
      if (!d) return null;
      const c = choicesOf(s, d);
      if (c.kind !== 'ADD' && c.keys.length === 0) return 'Choose the key fields.';
      if (c.kind === 'CHANGE' && c.changed.length === 0) return 'Choose the fields being changed.';
      return null;
    }
    case 'preview':
      if (!p?.preview) return 'The preview is not ready yet.';
      if (!p.preview.ok) return 'The file cannot be built yet: see the problems above.';
      if (p.preview.report.errors > 0)
        return 'The file has errors: go back and correct them before going on.';
      return null;
    case 'finalise':
      return null;
  }
}

/** The furthest step the user may go to: every step before it is complete. */
export function reachable(s: WizardState): number {
  const steps = stepsOf(s);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step && blockedBy(s, step) !== null) return i;
  }
  return steps.length - 1;
}
