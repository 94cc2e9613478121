// The wizard's state as a draft the history keeps: plain JSON, the record selection packed one bit
// a row, previews left out (they are made again). The extracts' bytes travel separately.
import { base64ToBytes, bytesToBase64 } from '../../../app/bytes';
import type { DataSet } from '../../../../shared/amd';
import type { DraftExtract } from '../../../../shared/ipc/files';
import type { ChosenRow, PartState, WizardState } from './wizard-state';
import { EMPTY_PART, START } from './wizard-state';

const VERSION = 1;

/** One draft per plan row. */
export const draftKeyOf = (row: ChosenRow) => `${row.planId}:${row.ref}`;

export const draftLabelOf = (row: ChosenRow) =>
  `Plan ${row.planId}, row ${row.ref}: ${row.kind} – ${row.description}`;

/** The extracts a draft keeps, as its offer names them: "extract a.csv; data as returned r.csv". */
export function keptExtractsText(extracts: readonly DraftExtract[]): string {
  const names = (role: DraftExtract['role']) =>
    extracts
      .filter((x) => x.role === role)
      .map((x) => x.fileName)
      .join(', ');
  const corrected = names('corrected');
  const returned = names('returned');
  return [corrected && `extract ${corrected}`, returned && `data as returned ${returned}`]
    .filter((t) => t !== '')
    .join('; ');
}

function pack(bits: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++)
    if (bits[i]) out[i >> 3] = (out[i >> 3] ?? 0) | (1 << (i & 7));
  return bytesToBase64(out);
}

function unpack(base64: string, rows: number): { bits: Uint8Array; count: number } {
  const packed = base64ToBytes(base64);
  const bits = new Uint8Array(rows);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    if (((packed[i >> 3] ?? 0) >> (i & 7)) & 1) {
      bits[i] = 1;
      count++;
    }
  }
  return { bits, count };
}

type SavedPart = Omit<PartState, 'selection' | 'preview'> & {
  selection: { packed: string; rows: number } | null;
};

export function encodeDraft(s: WizardState): string {
  const parts = {} as Record<DataSet, SavedPart>;
  for (const d of ['L', 'A', 'H'] as const) {
    const p = s.parts[d];
    parts[d] = {
      ...p,
      selection: p.selection
        ? { packed: pack(p.selection.bits), rows: p.selection.bits.length }
        : null,
    };
    delete (parts[d] as Partial<PartState>).preview;
  }
  return JSON.stringify({ version: VERSION, ...s, parts });
}

/** The state saved, or null if the draft is not one this wizard can read. */
export function decodeDraft(json: string): WizardState | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const saved = v as Partial<WizardState> & {
    version?: number;
    parts?: Record<DataSet, SavedPart>;
  };
  if (saved.version !== VERSION || !saved.parts || !saved.row) return null;
  const parts = { ...START.parts };
  for (const d of ['L', 'A', 'H'] as const) {
    const p = saved.parts[d];
    if (!p) continue;
    parts[d] = {
      ...EMPTY_PART,
      ...p,
      selection: p.selection ? unpack(p.selection.packed, p.selection.rows) : null,
      preview: null,
    };
  }
  return {
    row: saved.row,
    dataSet: saved.dataSet ?? START.dataSet,
    additionType: saved.additionType ?? START.additionType,
    withHe: saved.withHe ?? START.withHe,
    description: saved.description ?? '',
    notes: saved.notes ?? ['', ''],
    step: saved.step ?? 0,
    parts,
  };
}
