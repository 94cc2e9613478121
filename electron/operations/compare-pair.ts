// Comparing the data as returned with the data as it should be: both extracts are streamed through
// the one extract reader and compared in passes that keep hashes (shared/compare,
// electron/files/compare.ts). Apart from the operation (compare.ts) so that the import worker,
// where the extracts are read for the app, can load it without the history.
import type { ComparedExtracts } from '../../shared/ipc/files';
import type { DataSet } from '../../shared/amd';
import type { FileBytes } from '../../shared/ipc/common';
import { CompareError } from '../../shared/compare';
import { compareExtracts } from '../files/compare';
import type { ExtractsCompared } from '../files/compare';
import { OperationError } from './refusal';
import { sourceOf } from './source';

export interface ExtractPair {
  dataSet: DataSet;
  returned: FileBytes;
  corrected: FileBytes;
  keys?: readonly string[];
  /** The wizard's column mapping (MIS header → ILR field), applied to both extracts. */
  columns?: Readonly<Record<string, string>>;
}

/** Compares two extracts handed over by a door; a fault in either is refused in one line. */
export async function comparePair(pair: ExtractPair): Promise<ExtractsCompared> {
  try {
    return await compareExtracts({
      dataSet: pair.dataSet,
      returned: sourceOf(pair.returned),
      corrected: sourceOf(pair.corrected),
      keys: pair.keys,
      columns: pair.columns,
    });
  } catch (e) {
    if (e instanceof CompareError) throw new OperationError('INVALID_INPUT', e.message);
    throw e;
  }
}

/** What the doors are told of a comparison: the records kept for building stay behind. */
export function comparedView(c: ExtractsCompared): ComparedExtracts {
  return { ...c.comparison, extracts: c.extracts };
}
