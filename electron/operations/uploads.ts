// Uploads. An upload is long work: progress goes out as events, and "stop" aborts the transfer,
// which stays resumable (the next start continues from the server's offset).
import type { OperationHost } from './host';
import { bytesOf } from './source';
import type { OperationTableOf } from './table';
import { UploadService } from '../upload/upload-service';
import { StoreError } from '../store';
import { receiptView } from './files';

export function uploadOperations(
  host: OperationHost,
): OperationTableOf<'uploads.list' | 'uploads.start' | 'uploads.stop' | 'uploads.refresh'> {
  let running: AbortController | undefined;
  return {
    'uploads.list': ({ batchId }) =>
      host.store().uploads.list({ batchId }).map(receiptView).reverse(),
    'uploads.start': async (i) => {
      if (running)
        throw new StoreError(
          'INVALID_STATE',
          'An upload is already running; wait for it or stop it first.',
        );
      const chosen = [
        i.batchId !== undefined,
        (i.names?.length ?? 0) > 0,
        (i.files?.length ?? 0) > 0,
      ].filter(Boolean).length;
      if (chosen !== 1)
        throw new StoreError('INVALID_INPUT', 'Choose a batch, or files, to upload.');
      const store = host.store();
      const d = store.destinations.byId(i.destinationId);
      running = new AbortController();
      const service = new UploadService({
        store,
        vault: host.vault,
        transportFor: (x) => host.transportFor(x),
        password: i.password,
        signal: running.signal,
        onProgress: (p) => host.emit('upload.progress', p),
      });
      try {
        const uploads =
          i.batchId !== undefined
            ? await service.uploadBatch(d.name, i.batchId)
            : i.names?.length
              ? await service.uploadStored(d.name, i.names)
              : await service.uploadBytes(
                  d.name,
                  await Promise.all(
                    (i.files ?? []).map(async (f) => ({
                      fileName: f.fileName,
                      bytes: await bytesOf(f),
                    })),
                  ),
                );
        return uploads.map(receiptView);
      } finally {
        running = undefined;
      }
    },
    'uploads.stop': () => {
      const was = running !== undefined;
      running?.abort();
      return { stopped: was };
    },
    'uploads.refresh': async () => {
      const service = new UploadService({
        store: host.store(),
        vault: host.vault,
        transportFor: (d) => host.transportFor(d),
      });
      const changed = await service.refreshStatuses();
      for (const u of changed) {
        if (u.status === 'accepted' || u.status === 'failed') {
          host.emit('verification.result', {
            fileName: u.fileName,
            status: u.status,
            messages: u.messages.map((m) => m.message),
          });
        }
      }
      // Not a declared mutation (it runs every few minutes): the screens hear only of real news.
      if (changed.length) host.emit('history.changed', { tables: ['uploads', 'files', 'batches'] });
      return { changed: changed.length };
    },
  };
}
