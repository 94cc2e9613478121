// Uploads. An upload is long work: progress goes out as events, and "stop" aborts the transfer,
// which stays resumable (the next start continues from the server's offset).
import type { OperationHost } from './host';
import { holdIfNoVault, sessionSecrets } from './session-secrets';
import { vaultAccount } from '../vault/keyring-vault';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';
import { UploadService } from './upload-service';
import type { UploadServiceOptions } from './upload-service';
import { destinationOf } from './destination-of';
import { StoreError } from '../store';
import { receiptView } from './files';
import { checkUploadFile, refuseUnchecked } from './upload-check';
import { calendarDateIn } from '../../shared/dates';
import type { FileBytes } from '../../shared/ipc/common';

export function uploadOperations(
  host: OperationHost,
): OperationTableOf<
  'uploads.list' | 'uploads.start' | 'uploads.stop' | 'uploads.refresh' | 'uploads.check'
> {
  const today = () => calendarDateIn(host.clock.now());
  const check = async (files: readonly FileBytes[]) => {
    const out = [];
    for (const f of files) out.push(await checkUploadFile(host, sourceOf(f), today()));
    return out;
  };
  let running: AbortController | undefined;
  const service = (o: Partial<UploadServiceOptions> = {}) =>
    new UploadService({
      store: host.store(),
      vault: host.vault,
      session: sessionSecrets(host),
      transportFor: (d) => host.transportFor(d),
      ...o,
    });
  return {
    'uploads.list': ({ batchId, destination }) => {
      const store = host.store();
      const destinationId = destination ? store.destinations.get(destination).id : undefined;
      return store.uploads.list({ batchId, destinationId }).map(receiptView).reverse();
    },
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
      const d = destinationOf(host.store(), i);
      // Files from this computer are checked first; what cannot be checked needs confirming.
      if (i.files?.length) refuseUnchecked(await check(i.files), i.confirmUnchecked === true);
      running = new AbortController();
      const uploads = service({
        password: i.password,
        signal: running.signal,
        onProgress: (p) => host.emit('upload.progress', p),
      });
      try {
        const sent =
          i.batchId !== undefined
            ? await uploads.uploadBatch(d.name, i.batchId, i.area)
            : i.names?.length
              ? await uploads.uploadStored(d.name, i.names, i.area)
              : await uploads.uploadFiles(
                  d.name,
                  (i.files ?? []).map((f) => ({ ...sourceOf(f), fileName: f.fileName })),
                  i.area,
                );
        // Typed at the upload where there is no vault: the checks that follow need it too.
        if (i.password !== undefined)
          await holdIfNoVault(host, vaultAccount.password(d.id, d.username), i.password);
        return sent.map(receiptView);
      } finally {
        running = undefined;
      }
    },
    'uploads.check': ({ files }) => check(files),
    'uploads.stop': () => {
      const was = running !== undefined;
      running?.abort();
      return { stopped: was };
    },
    'uploads.refresh': async (i) => {
      const uploads = service({ password: i?.password });
      const changed = await uploads.refreshStatuses(i?.destination);
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
      if (i?.password !== undefined && i.destination !== undefined) {
        const d = host.store().destinations.get(i.destination);
        const worked = uploads.checks.some((c) => c.destinationId === d.id && c.asked > 0);
        if (worked) await holdIfNoVault(host, vaultAccount.password(d.id, d.username), i.password);
      }
      return {
        changed: changed.length,
        problems: uploads.problems,
        pending: uploads.checks.reduce((n, c) => n + c.pending, 0),
        destinations: uploads.checks,
      };
    },
  };
}
