// Which records an amendment file built against the data as returned holds: a change file the
// changed records (with the fields that differ, unless the user named them), an addition file the
// records only in the corrected extract, a deletion file the records only in the data as returned,
// taken from it as they were returned. The file is then built from these records as from any
// extract.
import type { AmendmentKind } from '../amd/model';
import type { Extract } from '../amd/extract';
import { canonicalFieldCode } from '../domain';
import type { ComparedRows } from './comparison';
import type { Comparison, RecordKey } from './model';

export interface ComparedExtractRecords {
  comparison: Comparison;
  rows: ComparedRows;
  headers: { returned: readonly string[]; corrected: readonly string[] };
}

export type RecordsForFile =
  { ok: true; extract: Extract; changed?: string[] } | { ok: false; message: string };

/** A record's key as people read it: `A01=012345 A03=000000000002 A48a=""`. */
export const keyText = (key: RecordKey) =>
  Object.entries(key)
    .map(([f, v]) => `${f}=${v === '' ? '""' : v}`)
    .join(' ');

export function recordsForFile(
  kind: AmendmentKind,
  compared: ComparedExtractRecords,
  named?: readonly string[],
): RecordsForFile {
  const { comparison: c, rows, headers } = compared;
  if (c.duplicateKeys.length > 0) {
    const keys = c.duplicateKeys.map((d) => `${keyText(d.key)} (${d.extract})`).join('; ');
    return {
      ok: false,
      message: `The records for the file cannot be worked out: ${c.duplicateKeys.length === 1 ? 'a key is' : 'keys are'} on more than one record, ${keys}. Make each record's key unique, or match on more fields.`,
    };
  }
  if (kind === 'CHANGE') {
    const wanted = named?.length ? named.map(canonicalFieldCode) : c.changedFields;
    const picked = rows.changed.filter((r) => r.fields.some((f) => wanted.includes(f)));
    if (picked.length === 0) {
      const which = named?.length ? ` in ${wanted.join(', ')}` : '';
      return {
        ok: false,
        message: `No record differs from the data as returned${which}: there is nothing to change.`,
      };
    }
    return {
      ok: true,
      extract: { header: headers.corrected, rows: picked.map((r) => r.row) },
      changed: wanted,
    };
  }
  if (kind === 'ADD') {
    if (rows.added.length === 0)
      return {
        ok: false,
        message:
          'Every record of the corrected extract is in the data as returned: there is nothing to add.',
      };
    return { ok: true, extract: { header: headers.corrected, rows: rows.added } };
  }
  if (rows.deleted.length === 0)
    return {
      ok: false,
      message:
        'Every record of the data as returned is in the corrected extract: there is nothing to delete.',
    };
  return { ok: true, extract: { header: headers.returned, rows: rows.deleted } };
}
