// The regulator's verdicts: every upload still pending verification is asked about, each answer
// kept with its receipt, and a batch settles once all its files have theirs.
import type { Store, Upload } from '../store';
import type { ExtranetClient } from '../upload/extranet-client';
import type { UploadService } from './upload-service';

export async function refreshStatuses(
  store: Store,
  service: Pick<UploadService, 'client' | 'uploader'>,
  destinationName?: string,
): Promise<{ changed: Upload[]; problems: string[] }> {
  const pending = store.uploads
    .list({ status: 'pending-verification' })
    .filter((u) => !destinationName || u.destination === destinationName);
  const changed: Upload[] = [];
  const problems: string[] = [];
  const clients = new Map<number, ExtranetClient>();
  for (const u of pending) {
    if (!u.serverUploadId) continue;
    const client =
      clients.get(u.destinationId) ?? service.client(store.destinations.byId(u.destinationId));
    clients.set(u.destinationId, client);
    try {
      const r = await service
        .uploader(store.destinations.byId(u.destinationId), client)
        .retry(() => client.receipt(u.serverUploadId ?? ''));
      if (r.status === 'accepted' || r.status === 'failed') {
        changed.push(
          store.uploads.verified(
            u.id,
            r.status,
            r.messages.map((m) => ({ code: m.code, message: m.message, line: m.line ?? null })),
          ),
        );
      }
    } catch (e) {
      // One receipt the server cannot give must not hide the others' results.
      problems.push(`${u.fileName}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const batchId of new Set(
    changed.map((u) => u.batchId).filter((b): b is number => b !== null),
  ))
    settleBatch(store, batchId);
  return { changed, problems };
}

function settleBatch(store: Store, batchId: number): void {
  const batch = store.batches.get(batchId);
  if (batch.status !== 'uploaded') return;
  const latest = new Map<string, Upload>();
  for (const u of store.uploads.list({ batchId })) latest.set(u.fileName, u);
  const statuses = [...batch.files, ...(batch.xml?.files ?? [])].map(
    (f) => latest.get(f.name)?.status,
  );
  if (statuses.some((s) => s === 'failed'))
    store.batches.setStatus(batchId, 'failed', { reason: 'a file failed verification' });
  else if (statuses.every((s) => s === 'accepted'))
    store.batches.setStatus(batchId, 'accepted', {});
}
