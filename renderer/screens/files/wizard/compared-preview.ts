// The preview of a file worked out from the data as returned: main builds it (files.build, nothing
// kept) from the two extracts by the rule finalising follows, so the preview is the file that
// finalising will write, its deletions taken from the data as returned as they were returned.
import type { DataSet } from '../../../../shared/amd';
import { formatDdMmYyyy } from '../../../../shared/amd';
import { calendarDateIn } from '../../../../shared/dates';
import { base64ToBytes, fileToBase64 } from '../../../app/bytes';
import type { useApi } from '../../../app/hooks';
import type { ExtractWorkers } from '../workers/registry';
import type { PreviewSummary } from '../workers/extract-calls';
import { columnsOf } from './comparison-view';
import type { WizardState } from './wizard-state';
import { descriptionOf } from './wizard-steps';

export interface ComparedPreview {
  preview: PreviewSummary;
  lines: string[];
}

/** About how many bytes files.finalise's input takes with both extracts in it (base64). */
export const comparedPayloadBytes = (returnedBytes: number, correctedBytes: number) =>
  Math.ceil(((returnedBytes + correctedBytes) * 4) / 3);

export async function previewCompared(
  api: ReturnType<typeof useApi>,
  state: WizardState,
  d: DataSet,
  workers: ExtractWorkers,
  seq: number | undefined,
): Promise<ComparedPreview> {
  const part = state.parts[d];
  const row = state.row;
  const returned = workers.fileOf(d, 'returned');
  const corrected = workers.fileOf(d, 'corrected');
  if (!row || !part.returned || !part.extract || !returned || !corrected)
    return {
      preview: { ok: false, problems: ['Compare with the data as returned again (Records step).'] },
      lines: [],
    };
  const [rb, cb] = await Promise.all([fileToBase64(returned), fileToBase64(corrected)]);
  if (!rb.ok) return { preview: { ok: false, problems: [rb.error.message] }, lines: [] };
  if (!cb.ok) return { preview: { ok: false, problems: [cb.error.message] }, lines: [] };
  const notes = state.notes.some((n) => n.trim() !== '') ? state.notes : undefined;
  const r = await api['files.build']({
    fileName: corrected.name,
    base64: cb.value,
    returned: { fileName: returned.name, base64: rb.value },
    columns: columnsOf(part.extract.header, part.codes),
    kind: row.kind,
    dataSet: d,
    additionType: row.kind === 'ADD' ? state.additionType : undefined,
    checksumField: part.checksum,
    keys: part.returned.keys,
    changed: row.kind === 'CHANGE' ? (part.changed ?? undefined) : undefined,
    createdOn: formatDdMmYyyy(calendarDateIn(new Date())),
    description: descriptionOf(state),
    notes,
    year: row.year || undefined,
    upin: row.upin,
    seq: seq ?? 1,
  });
  if (!r.ok) return { preview: { ok: false, problems: [r.error.message] }, lines: [] };
  const b = r.value;
  const text = new TextDecoder('windows-1252').decode(base64ToBytes(b.base64));
  const lines = text.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return {
    preview: {
      ok: true,
      name: b.name,
      payloadBytes: comparedPayloadBytes(returned.size, corrected.size),
      lineCount: lines.length,
      report: b.report,
      plan: {
        fields: b.fields,
        uniqueFields: b.uniqueFields,
        changedFields: b.changedFields,
        checksum: { field: b.checksumField, reason: b.checksumReason, added: b.checksumAdded },
      },
    },
    lines,
  };
}
