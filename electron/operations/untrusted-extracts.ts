// MIS extracts compared, or built into an amendment file, where a crafted extract can fail but never
// take the app with it: in the import worker (files/import) under its memory limit, for the app,
// browser mode's server and the command line alike; in the process itself only where the door
// asks (host.readsFilesInProcess). The extracts' bytes are moved to the worker, not copied, and
// what comes back is the comparison's report or the built file's bytes, never the records.
import type { ComparedExtracts } from '../../shared/ipc/files';
import type { ResourceLimits } from 'node:worker_threads';
import { EXTRACT_RESOURCE_LIMITS } from '../files/import/protocol';
import { runInWorker, workerFile } from '../files/import/run';
import type { OperationHost } from './host';
import { comparePair, comparedView } from './compare-pair';
import type { ExtractPair } from './compare-pair';
import { buildFromExtract } from './file-parts';
import type { ExtractFile, ExtractFileRequest, FileTarget } from './file-parts';
import { sourceOf } from './source';
import { inWorker } from './untrusted';

type Host = Pick<OperationHost, 'readsFilesInProcess' | 'extractHeapMb'>;

/** The worker's heap the host was given, else the default for extracts (run.ts). */
function limited(host: Host): { resourceLimits?: ResourceLimits } {
  const mb = host.extractHeapMb;
  return mb === undefined
    ? {}
    : { resourceLimits: { ...EXTRACT_RESOURCE_LIMITS, maxOldGenerationSizeMb: mb } };
}

/** The data as returned compared with the corrected extract. */
export async function compareUntrusted(host: Host, pair: ExtractPair): Promise<ComparedExtracts> {
  if (host.readsFilesInProcess) return comparedView(await comparePair(pair));
  const { returned, corrected, ...rest } = pair;
  return inWorker(async () => {
    const transfer: ArrayBuffer[] = [];
    const job = { ...rest, returned: await workerFile(sourceOf(returned), transfer) };
    return runInWorker('compare', sourceOf(corrected), { job, ...limited(host) }, transfer);
  });
}

/** An amendment file built from an extract (against the data as returned, if given) for `target`. */
export async function extractFileUntrusted(
  host: Host,
  req: ExtractFileRequest,
  target: FileTarget,
): Promise<ExtractFile> {
  if (host.readsFilesInProcess) return buildFromExtract(req, target);
  const { fileName, base64, source, returned, ...rest } = req;
  const file = await inWorker(async () => {
    const transfer: ArrayBuffer[] = [];
    const job = {
      ...rest,
      ...(returned ? { returned: await workerFile(sourceOf(returned), transfer) } : {}),
      target,
    };
    const file = sourceOf({ fileName, base64, source });
    return runInWorker('extract-file', file, { job, ...limited(host) }, transfer);
  });
  // Bytes handed back by the worker come as a plain Uint8Array; the history keeps a Buffer.
  const { bytes } = file.built;
  const built = {
    ...file.built,
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
  return { ...file, built };
}
