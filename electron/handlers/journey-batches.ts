// Batches and uploads. An upload is long work: progress goes out as events, and "stop" aborts the
// transfer, which stays resumable (the next start continues from the server's offset).
import type { HandlerHost } from './host';
import type { JourneyTableOf } from './journey-table';
import { UploadService } from '../upload/upload-service';
import { StoreError } from '../store';
import { receiptView } from './journey-files';

export function batchHandlers(
  host: HandlerHost,
): JourneyTableOf<
  | 'batches.list'
  | 'batches.get'
  | 'batches.create'
  | 'batches.add'
  | 'batches.remove'
  | 'batches.signOff'
  | 'uploads.list'
  | 'uploads.start'
  | 'uploads.stop'
> {
  let running: AbortController | undefined;
  const changed = <T>(value: T, tables = ['batches']): T => {
    host.emit('history.changed', { tables });
    return value;
  };
  return {
    'batches.list': ({ upin }) => host.store().batches.list({ upin }),
    'batches.get': ({ batchId }) => host.store().batches.get(batchId),
    'batches.create': (i) =>
      changed(
        host.store().batches.create({
          upin: i.upin,
          year: i.year,
          planId: i.planId,
          destination: i.destination,
        }),
      ),
    'batches.add': ({ batchId, names }) => changed(host.store().batches.add(batchId, names)),
    'batches.remove': ({ batchId, name }) => changed(host.store().batches.remove(batchId, name)),
    'batches.signOff': ({ batchId, by }) => changed(host.store().batches.signOff(batchId, by)),
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
                  (i.files ?? []).map((f) => ({
                    fileName: f.fileName,
                    bytes: Buffer.from(f.base64, 'base64'),
                  })),
                );
        return uploads.map(receiptView);
      } finally {
        running = undefined;
        host.emit('history.changed', { tables: ['uploads', 'files', 'batches'] });
      }
    },
    'uploads.stop': () => {
      const was = running !== undefined;
      running?.abort();
      return { stopped: was };
    },
  };
}
