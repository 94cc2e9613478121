// The regulator's verdicts: every upload still pending verification is asked about, each answer
// kept with its receipt, and a batch settles once all its files have theirs. What happened is
// said per destination (asked, or could not ask and why), so no door can claim uploads are "still
// being checked" when the server was never asked.
import type { Destination, Store, Upload } from '../store';
import type { DestinationCheck } from '../../shared/ipc/views';
import type { ExtranetClient } from '../upload/extranet-client';
import { UploadError } from '../upload/extranet-client';
import type { UploadService } from './upload-service';
import { missingPassword } from './upload-secrets';
import type { PasswordSources } from './upload-secrets';

export type { DestinationCheck };

export interface RefreshOutcome {
  changed: Upload[];
  problems: string[];
  destinations: DestinationCheck[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function refreshStatuses(
  store: Store,
  service: Pick<UploadService, 'client' | 'uploader'>,
  secrets: PasswordSources,
  destinationName?: string,
): Promise<RefreshOutcome> {
  const pending = store.uploads
    .list({ status: 'pending-verification' })
    .filter((u) => !destinationName || u.destination === destinationName);
  const byDestination = new Map<number, Upload[]>();
  for (const u of pending)
    byDestination.set(u.destinationId, [...(byDestination.get(u.destinationId) ?? []), u]);
  const outcome: RefreshOutcome = { changed: [], problems: [], destinations: [] };
  for (const [destinationId, uploads] of byDestination) {
    const d = store.destinations.byId(destinationId);
    outcome.destinations.push(await checkOne(store, service, secrets, d, uploads, outcome));
  }
  for (const batchId of new Set(
    outcome.changed.map((u) => u.batchId).filter((b): b is number => b !== null),
  ))
    settleBatch(store, batchId);
  return outcome;
}

async function checkOne(
  store: Store,
  service: Pick<UploadService, 'client' | 'uploader'>,
  secrets: PasswordSources,
  d: Destination,
  uploads: Upload[],
  outcome: RefreshOutcome,
): Promise<DestinationCheck> {
  const base = { destinationId: d.id, destination: d.name, pending: uploads.length };
  const cannot = (reason: string, needsPassword: boolean, asked = 0): DestinationCheck => ({
    ...base,
    asked,
    results: 0,
    outcome: 'cannot-check',
    needsPassword,
    reason,
    message: `Cannot check: ${reason}.`,
  });
  // No password at hand: the server is not asked at all, and the door asks the user for one.
  const missing = await missingPassword(secrets, d);
  if (missing !== null) return cannot(`no password for ${d.name}`, true);
  const client: ExtranetClient = service.client(d);
  const uploader = service.uploader(d, client);
  let asked = 0;
  let results = 0;
  const unasked: string[] = [];
  for (const u of uploads) {
    if (!u.serverUploadId) {
      unasked.push(`${u.fileName}: the server gave no upload id`);
      continue;
    }
    try {
      const r = await uploader.retry(() => client.receipt(u.serverUploadId ?? ''));
      asked += 1;
      if (r.status === 'accepted' || r.status === 'failed') {
        results += 1;
        outcome.changed.push(
          store.uploads.verified(
            u.id,
            r.status,
            r.messages.map((m) => ({ code: m.code, message: m.message, line: m.line ?? null })),
          ),
        );
      }
    } catch (e) {
      if (e instanceof UploadError && e.code === 'BAD_CREDENTIALS')
        return cannot(`the server refused the password for ${d.name}`, true, asked);
      // One receipt the server cannot give must not hide the others' results.
      const line = `${u.fileName}: ${e instanceof Error ? e.message : String(e)}`;
      unasked.push(line);
      outcome.problems.push(line);
    }
  }
  if (asked === 0) return cannot(`${d.name} could not be asked (${unasked.join('; ')})`, false);
  const waiting = asked - results;
  const said =
    results === 0
      ? `Asked ${d.name} about ${plural(asked, 'upload')} pending verification: no results yet, the receiver is still checking ${asked === 1 ? 'it' : 'them'}.`
      : `Asked ${d.name} about ${plural(asked, 'upload')} pending verification: ${plural(results, 'new result')}${waiting ? `, ${waiting} still being checked by the receiver` : ''}.`;
  return {
    ...base,
    asked,
    results,
    outcome: 'checked',
    needsPassword: false,
    reason: unasked.length ? `not asked about ${unasked.join('; ')}` : null,
    message: unasked.length ? `${said} Not asked about ${unasked.join('; ')}.` : said,
  };
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
