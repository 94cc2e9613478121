// The upload chooser's checks: something to send, and a destination whose upload area is the
// one a batch is for (main refuses the mismatch; saying so before confirming saves a round trip).
import { BROWSER_MODE_MAX_REQUEST_BYTES } from '../../../shared/ipc/limits';
import type { Batch, StoredAmendmentFile } from '../../../shared/history/types';
import type { DestinationView } from '../../../shared/ipc/views';
import { fileCount } from '../batches/batch-model';
import { missingProblem } from '../batches/xml-batch-model';

export interface ChooserValues {
  destinationId: string;
  mode: 'batch' | 'stored' | 'disk';
  batchId: string;
  names: string[];
}

interface Context {
  destination: DestinationView | undefined;
  batch: Batch | undefined;
  finals: readonly StoredAmendmentFile[];
  diskCount: number;
  diskBytes: number;
  mode: 'electron' | 'browser';
}

/**
 * Browser mode's local server limits the size of a request (shared/ipc/limits.ts), and a file
 * travels as base64, a third larger. The desktop app has no such limit.
 */
export const BROWSER_MODE_MAX_BYTES =
  Math.floor((BROWSER_MODE_MAX_REQUEST_BYTES * 3) / 4) - 1024 * 1024;

export function chooserProblem(v: ChooserValues, c: Context): string | null {
  if (!c.destination) return 'Choose where to upload.';
  if (v.mode === 'batch') {
    if (!c.batch) return 'Choose a signed-off batch.';
    if (fileCount(c.batch) === 0) return `Batch ${c.batch.id} has no files.`;
    // A 2011-12 batch that leaves out earlier files is refused by main: say so, naming them.
    return missingProblem(c.batch);
  }
  if (v.mode === 'stored') {
    const known = v.names.filter((n) => c.finals.some((f) => f.name === n));
    return known.length ? null : 'Choose at least one final file.';
  }
  if (c.diskCount === 0) return 'Choose at least one file from this computer.';
  if (c.mode === 'browser' && c.diskBytes > BROWSER_MODE_MAX_BYTES)
    return 'In the browser, ReturnDesk can take at most 24 MB of files from this computer at once. Choose fewer files, or upload from the desktop app.';
  return null;
}

const norm = (s: string) => s.trim().toLowerCase();

export function areaMismatch(
  batch: Batch | undefined,
  destination: DestinationView | undefined,
): string | null {
  if (!batch || !destination || areaOfBatch(batch, destination) !== undefined) return null;
  const areas = destination.areas.map((a) => `‘${a.name}’`).join(', ');
  return `Batch ${batch.id} is for ‘${batch.destination}’, but ${destination.name} uploads to ${areas}. Choose a destination for that area.`;
}

/** The destination's area a batch goes to: the one it names, if the destination reaches it. */
export function areaOfBatch(
  batch: Pick<Batch, 'destination'>,
  destination: DestinationView,
): string | undefined {
  return destination.areas.find((a) => norm(a.name) === norm(batch.destination))?.name;
}

/** The batch's area if one is chosen, and among those one that can upload without asking. */
export function preferredDestination(
  destinations: readonly DestinationView[],
  area: string | undefined,
): DestinationView | undefined {
  const inArea = area
    ? destinations.filter((d) => d.areas.some((a) => norm(a.name) === norm(area)))
    : [];
  const pool = inArea.length ? inArea : destinations;
  return pool.find((d) => d.passwordStored || d.passwordForSession) ?? pool[0];
}
