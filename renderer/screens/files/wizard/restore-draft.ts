// Continuing a draft: each extract kept with it is loaded again in its worker and, where the user
// had compared it with the data as returned, the two kept extracts are compared again
// (files.compare, on the keys and column mapping of that comparison), so the records step shows
// the comparison and chooses the records as it did. A draft that did not keep the data as returned
// (one saved before drafts kept it), or whose comparison is refused now, comes back uncompared,
// every record chosen, and says so: the user compares again rather than continuing with records
// from a comparison the wizard can no longer show.
import type { AmendmentKind, DataSet } from '../../../../shared/amd';
import type { Output } from '../../../../shared/ipc/contract';
import { base64ToBytes } from '../../../app/bytes';
import type { useApi } from '../../../app/hooks';
import type { ExtractWorkers } from '../workers/registry';
import { columnsOf, comparedPart } from './comparison-view';
import { selectAll } from './selection';
import type { ExtractInfo, PartState } from './wizard-state';
import { EMPTY_PART } from './wizard-state';

type Api = ReturnType<typeof useApi>;
export type KeptExtract = Output<'files.draft'>['extracts'][number];

/** The extract of data set D kept with the draft in ROLE, if it is there. */
export function keptOf(
  extracts: readonly KeptExtract[],
  d: DataSet,
  role: KeptExtract['role'],
): KeptExtract | undefined {
  return extracts.find((x) => x.dataSet === d && x.role === role);
}

/** A part restored, and why its comparison is not, when it was compared and cannot be again. */
export interface RestoredPart {
  part: PartState;
  lost?: string;
}

/** Data set D's part as saved, its extracts loaded again and its comparison made again. */
export async function restorePart(
  api: Api,
  workers: ExtractWorkers,
  d: DataSet,
  part: PartState,
  extracts: readonly KeptExtract[],
  kind: AmendmentKind,
): Promise<RestoredPart> {
  if (!part.extract) return { part };
  const kept = keptOf(extracts, d, 'corrected');
  // The extract was not kept (too large to pass): the user loads it again.
  if (!kept) return { part: { ...EMPTY_PART, checksum: part.checksum } };
  const file = new File([base64ToBytes(kept.base64)], kept.fileName);
  const worker = workers.start(d);
  workers.keepFile(d, 'corrected', file);
  const loaded = await worker.rpc.call('load', { file });
  const extract: ExtractInfo = { ...loaded, fileName: kept.fileName, bytes: file.size };
  const returned = part.returned ? keptOf(extracts, d, 'returned') : undefined;
  let lost: string | undefined;
  if (part.returned && !returned)
    lost = `The draft did not keep the data as returned for the ${d} file, so its comparison is not shown and every record is chosen: compare again before finalising.`;
  if (part.returned && returned) {
    const got = await api['files.compare']({
      dataSet: d,
      returned: { fileName: returned.fileName, base64: returned.base64 },
      corrected: { fileName: kept.fileName, base64: kept.base64 },
      keys: part.returned.keys,
      columns: columnsOf(extract.header, part.codes),
    });
    if (got.ok) {
      const file = new File([base64ToBytes(returned.base64)], returned.fileName);
      workers.keepFile(d, 'returned', file);
      const again = comparedPart(kind, loaded.rows, file, got.value);
      // The fields being changed stay as the user left them (they may have changed them since).
      return {
        part: { ...part, extract, returned: again.returned, selection: again.selection },
      };
    }
    lost = `${returned.fileName} and ${kept.fileName} could not be compared again (${got.error.message}), so every record of the ${d} file is chosen: compare again before finalising.`;
  }
  const selection =
    part.selection?.bits.length === loaded.rows && !part.returned
      ? part.selection
      : selectAll(loaded.rows);
  return { part: { ...part, extract, selection, returned: null }, ...(lost ? { lost } : {}) };
}
