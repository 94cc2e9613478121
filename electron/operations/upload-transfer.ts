// One stored content to a destination, with its receipt in the history: started (or resumed from
// an address kept by an earlier run), received with the server's SHA-256, or failed with why.
import type { Store, Upload, Destination } from '../store';
import { UploadError } from '../upload/extranet-client';
import type { Uploader } from '../upload/uploader';
import { dataOfficer } from './data-officer';

export interface TransferItem {
  fileName: string;
  sha256: string;
  fileId: number | null;
  batchId: number | null;
  /** The data request a portal return answers. */
  request?: { id: number; portalId: string | null };
}

export async function transfer(
  store: Store,
  uploader: Uploader,
  d: Destination,
  f: TransferItem,
): Promise<Upload> {
  const source = store.content.source(f.sha256);
  const previous = store.uploads.resumable(
    d.id,
    f.sha256,
    f.fileName,
    f.request?.id ?? null,
    d.area,
  );
  // An address kept from an earlier run is only worth resuming on the destination's own server.
  const resumable =
    previous && previous.uploadUrl && new URL(previous.uploadUrl).origin === new URL(d.url).origin
      ? previous
      : undefined;
  const upload =
    resumable ??
    store.uploads.start({
      destinationId: d.id,
      area: d.area,
      batchId: f.batchId,
      fileId: f.fileId,
      dataRequestId: f.request?.id ?? null,
      fileName: f.fileName,
      sha256: f.sha256,
      bytes: source.size,
      sentBy: dataOfficer(store),
    });
  try {
    const receipt = await uploader.send(
      f.fileName,
      source,
      upload.uploadUrl,
      (url, id) => store.uploads.rememberUrl(upload.id, url, id),
      f.request?.portalId ?? undefined,
      upload.auditHead ?? undefined,
    );
    return store.uploads.received(
      upload.id,
      receipt.sha256 ?? '',
      receipt.receivedAt ?? new Date().toISOString(),
    );
  } catch (e) {
    if (e instanceof UploadError && e.code === 'INTEGRITY') {
      store.uploads.failed(
        upload.id,
        [{ code: 'INTEGRITY', message: e.message }],
        e.serverSha256 ?? null,
      );
    } else if (!(e instanceof UploadError && e.code === 'GAVE_UP') && !isTransient(e)) {
      store.uploads.failed(upload.id, [
        {
          code: e instanceof UploadError ? e.code : 'ERROR',
          message: e instanceof Error ? e.message : String(e),
        },
      ]);
    }
    throw e;
  }
}

function isTransient(e: unknown): boolean {
  return e instanceof Error && e.name === 'NetworkError';
}
