// What the records step shows of a comparison with the data as returned: the counts, the three
// groups (changed records with each differing value as returned and as corrected), the keys on
// more than one record (which stop the step), and the records of the loaded extract the file will
// hold, shown chosen. Finalising works the records out again in main, by the one rule files.build
// follows; this only says what that rule will give.
import type { AmendmentKind } from '../../../../shared/amd';
import type { FieldChange } from '../../../../shared/compare/model';
import { keyText } from '../../../../shared/compare/records-for-file';
import type { ComparedExtracts } from '../../../../shared/ipc/files';
import type { Selection } from './selection';
import { selectAll, setRows } from './selection';
import type { ReturnedState } from './wizard-state';

/** Records shown in each group; the counts say how many there are in all. */
export const SHOWN_PER_GROUP = 100;

export interface ChangedLine {
  key: string;
  fields: FieldChange[];
}

export interface ComparisonView {
  returnedName: string;
  correctedName: string;
  counts: { changed: number; added: number; deleted: number; unchanged: number };
  changedFields: string[];
  changed: ChangedLine[];
  added: string[];
  deleted: string[];
  /** Why the records cannot be worked out (keys on more than one record), or null. */
  duplicates: string | null;
  /** Columns of the loaded extract that were not compared (not the data set's, or not in both). */
  notCompared: string[];
}

const n = (x: number) => x.toLocaleString('en-GB');

export function comparisonView(c: ComparedExtracts, shown = SHOWN_PER_GROUP): ComparisonView {
  const dupes = c.duplicateKeys.map(
    (d) =>
      `${keyText(d.key)} (records ${d.records.join(', ')} of the ${d.extract === 'returned' ? 'data as returned' : 'corrected extract'})`,
  );
  return {
    returnedName: c.extracts.returned.name,
    correctedName: c.extracts.corrected.name,
    counts: {
      changed: c.changed.count,
      added: c.added.count,
      deleted: c.deleted.count,
      unchanged: c.unchanged,
    },
    changedFields: c.changedFields,
    changed: c.changed.records
      .slice(0, shown)
      .map((r) => ({ key: keyText(r.key), fields: r.fields })),
    added: c.added.records.slice(0, shown).map((r) => keyText(r.key)),
    deleted: c.deleted.records.slice(0, shown).map((r) => keyText(r.key)),
    duplicates:
      dupes.length === 0
        ? null
        : `${dupes.length === 1 ? 'A key is' : `${n(dupes.length)} keys are`} on more than one record, so those records cannot be matched: ${dupes.join('; ')}. Make each record's key unique, or match on more fields.`,
    notCompared: c.notCompared.corrected,
  };
}

export function countsText(v: ComparisonView): string {
  const c = v.counts;
  return `${v.returnedName} (as returned) and ${v.correctedName} (corrected): ${n(c.changed)} changed, ${n(c.added)} added, ${n(c.deleted)} deleted, ${n(c.unchanged)} unchanged.`;
}

/** The records of the loaded (corrected) extract the file is made from, as rows from 0. */
export function rowsForFile(kind: AmendmentKind, c: ComparedExtracts): number[] {
  // Record numbers count from 1 as the one extract reader reads them, as the wizard's rows do.
  if (kind === 'CHANGE') return c.changed.records.map((r) => r.correctedRecord - 1);
  if (kind === 'ADD') return c.added.records.map((r) => r.record - 1);
  return [];
}

/**
 * The records step after a comparison (the user's, or the same one made again when a draft is
 * continued): the data as returned, the records the file holds shown chosen, and for a change
 * file the fields that differ (null: the fields chosen before stay).
 */
export function comparedPart(
  kind: AmendmentKind,
  rows: number,
  returned: { name: string; size: number },
  c: ComparedExtracts,
): { returned: ReturnedState; selection: Selection; changed: string[] | null } {
  return {
    returned: {
      fileName: returned.name,
      bytes: returned.size,
      keys: c.keys,
      view: comparisonView(c),
    },
    selection: setRows(setRows(selectAll(rows), false), true, rowsForFile(kind, c)),
    changed: kind === 'CHANGE' && c.changedFields.length > 0 ? c.changedFields : null,
  };
}

/** What the file will hold, or why it cannot be made from this comparison. */
export function fileFromComparison(
  kind: AmendmentKind,
  v: ComparisonView,
): { ok: true; text: string } | { ok: false; text: string } {
  if (v.duplicates) return { ok: false, text: v.duplicates };
  const c = v.counts;
  const records = (x: number, what: string) => `${n(x)} ${what} record${x === 1 ? '' : 's'}`;
  if (kind === 'CHANGE')
    return c.changed === 0
      ? {
          ok: false,
          text: 'No record differs from the data as returned: there is nothing to change.',
        }
      : {
          ok: true,
          text: `The change file will hold the ${records(c.changed, 'changed')}, with ${v.changedFields.join(', ')} as the fields being changed.`,
        };
  if (kind === 'ADD')
    return c.added === 0
      ? {
          ok: false,
          text: 'Every corrected record is in the data as returned: there is nothing to add.',
        }
      : { ok: true, text: `The addition file will hold the ${records(c.added, 'added')}.` };
  return c.deleted === 0
    ? {
        ok: false,
        text: 'Every record as returned is in the corrected extract: there is nothing to delete.',
      }
    : {
        ok: true,
        text: `The deletion file will hold the ${records(c.deleted, 'deleted')}, taken from the data as returned.`,
      };
}

/** The wizard's column mapping as the operations take it: MIS header → ILR field, '' if unused. */
export function columnsOf(
  header: readonly string[],
  codes: readonly string[],
): Record<string, string> {
  const columns: Record<string, string> = {};
  header.forEach((h, i) => {
    if (h.trim() !== '') columns[h.trim()] = codes[i] ?? '';
  });
  return columns;
}
