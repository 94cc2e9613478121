// Uploads as the user sees them: files or a whole batch to a destination, each with a receipt in
// the history, and verification results fetched later. The only place that ties the store, the
// vault and the network together.
import { basename } from 'node:path';
import type { Store, Upload, Destination } from '../store';
import type { CredentialVault } from '../../shared/ports';
import { groupKeyFor, passwordFor } from './password';
import type { Transport } from './transport';
import { ExtranetClient, UploadError } from './extranet-client';
import { Uploader } from './uploader';
import type { Progress, RetryPolicy } from './uploader';

export interface UploadServiceOptions {
  store: Store;
  vault: CredentialVault;
  transportFor: (d: Destination) => Transport;
  /** A password given for this run only (when the vault is unavailable or holds none). */
  password?: string;
  /** A password for this run, used only for destinations with none in the vault. */
  fallbackPassword?: string;
  onProgress?: (p: Progress) => void;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Stops the transfer (pause): the upload stays resumable. */
  signal?: AbortSignal;
}

export class UploadService {
  /** Problems met while refreshing statuses, one line each, for the caller to show. */
  readonly problems: string[] = [];

  constructor(private readonly o: UploadServiceOptions) {}

  /** A client for the destination, its password from the vault (or this run's). */
  client(d: Destination): ExtranetClient {
    return new ExtranetClient(d.url, this.o.transportFor(d), {
      username: d.username,
      password: () => passwordFor(this.o, d),
    });
  }

  uploader(d: Destination, client = this.client(d)): Uploader {
    return new Uploader(client, {
      areaName: d.area,
      groupKey: () => groupKeyFor(this.o.vault, d),
      retry: this.o.retry,
      onProgress: this.o.onProgress,
      sleep: this.o.sleep,
      signal: this.o.signal,
    });
  }

  /** Logs in and makes sure the area is joined: `destination test`. */
  async test(destinationName: string): Promise<{ area: string }> {
    const d = this.o.store.destinations.get(destinationName);
    const u = this.uploader(d);
    await u.ensureArea();
    return { area: d.area };
  }

  /** Any files from disk: each is copied into the history first, so what was sent is kept. */
  async uploadFiles(destinationName: string, paths: readonly string[]): Promise<Upload[]> {
    return this.uploadEach(destinationName, paths, async (path) => ({
      fileName: basename(path),
      ...(await this.o.store.content.putFile(path)),
    }));
  }

  /** Files the user handed over in the app (bytes, never paths), copied into the history first. */
  async uploadBytes(
    destinationName: string,
    files: readonly { fileName: string; bytes: Buffer }[],
  ): Promise<Upload[]> {
    return this.uploadEach(destinationName, files, async (f) => ({
      fileName: f.fileName,
      ...(await this.o.store.content.putBytes(f.bytes)),
    }));
  }

  /** Amendment files already in the history, by name. */
  async uploadStored(destinationName: string, names: readonly string[]): Promise<Upload[]> {
    return this.uploadEach(destinationName, names, async (name) => {
      const f = this.o.store.files.get(name);
      return { fileName: f.name, sha256: f.sha256 };
    });
  }

  private async uploadEach<T>(
    destinationName: string,
    items: readonly T[],
    stored: (item: T) => Promise<{ fileName: string; sha256: string }>,
  ): Promise<Upload[]> {
    const { store } = this.o;
    const d = store.destinations.get(destinationName);
    const uploader = this.uploader(d);
    // Log in and join first: a wrong password or group key should not leave failed receipts.
    await uploader.ensureArea();
    const results: Upload[] = [];
    for (const item of items) {
      const { fileName, sha256 } = await stored(item);
      const known = store.files
        .list()
        .find((f) => f.name === fileName && f.sha256 === sha256 && f.status !== 'discarded');
      results.push(
        await this.transfer(uploader, d, {
          fileName,
          sha256,
          fileId: known?.id ?? null,
          batchId: null,
        }),
      );
    }
    return results;
  }

  /** A signed-off batch as one unit: it is uploaded only when every file is. */
  async uploadBatch(destinationName: string, batchId: number): Promise<Upload[]> {
    const { store } = this.o;
    const d = store.destinations.get(destinationName);
    let batch = store.batches.get(batchId);
    if (batch.status !== 'signed_off' && batch.status !== 'uploading') {
      throw new UploadError(
        'PROTOCOL',
        `Batch ${batchId} is ${batch.status.replace('_', ' ')}; only a signed-off batch can be uploaded.`,
      );
    }
    if (batch.destination.trim().toLowerCase() !== d.area.trim().toLowerCase()) {
      throw new UploadError(
        'UNKNOWN_AREA',
        `Batch ${batchId} is for '${batch.destination}', but destination '${d.name}' uploads to '${d.area}'.`,
      );
    }
    // HEFCE's rule for XML batches: every earlier submitted file again, unless overridden.
    store.batches.xml.assertUploadable(batchId);
    const uploader = this.uploader(d);
    await uploader.ensureArea();
    if (batch.status === 'signed_off')
      batch = store.batches.setStatus(batchId, 'uploading', {
        destination: d.name,
        ...(batch.xml && !batch.xml.complete
          ? {
              leftOut: batch.xml.missing.map((m) => m.name),
              override: batch.xml.override?.reason ?? null,
            }
          : {}),
      });
    const done = new Set(
      store.uploads
        .list({ batchId })
        .filter((u) => u.status !== 'failed' && u.status !== 'transferring')
        .map((u) => u.sha256 + u.fileName),
    );
    const results: Upload[] = [];
    // An XML file is linked to its upload by the store, from its name and content.
    const sent = [
      ...batch.files.map((f) => ({ ...f, fileId: store.files.get(f.name).id })),
      ...(batch.xml?.files ?? []).map((f) => ({ ...f, fileId: null })),
    ];
    try {
      for (const f of sent) {
        if (done.has(f.sha256 + f.name)) continue;
        results.push(
          await this.transfer(uploader, d, {
            fileName: f.name,
            sha256: f.sha256,
            fileId: f.fileId,
            batchId,
          }),
        );
      }
    } catch (e) {
      // Integrity failures and refusals fail the batch; a dropped network leaves it resumable.
      if (!(e instanceof UploadError && e.code === 'GAVE_UP'))
        store.batches.setStatus(batchId, 'failed', {
          reason: e instanceof Error ? e.message : String(e),
        });
      throw e;
    }
    store.batches.setStatus(batchId, 'uploaded', { files: sent.length });
    return results;
  }

  /** Asks the server about every upload still pending verification; returns those that changed. */
  async refreshStatuses(destinationName?: string): Promise<Upload[]> {
    const { store } = this.o;
    const pending = store.uploads
      .list({ status: 'pending-verification' })
      .filter((u) => !destinationName || u.destination === destinationName);
    const changed: Upload[] = [];
    const clients = new Map<number, ExtranetClient>();
    for (const u of pending) {
      if (!u.serverUploadId) continue;
      const client =
        clients.get(u.destinationId) ?? this.client(store.destinations.byId(u.destinationId));
      clients.set(u.destinationId, client);
      try {
        const r = await this.uploader(store.destinations.byId(u.destinationId), client).retry(() =>
          client.receipt(u.serverUploadId ?? ''),
        );
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
        this.problems.push(`${u.fileName}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    for (const batchId of new Set(
      changed.map((u) => u.batchId).filter((b): b is number => b !== null),
    ))
      this.settleBatch(batchId);
    return changed;
  }

  private settleBatch(batchId: number): void {
    const { store } = this.o;
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

  /** One stored content to a destination, with its receipt; portal returns name their request. */
  async transfer(
    uploader: Uploader,
    d: Destination,
    f: {
      fileName: string;
      sha256: string;
      fileId: number | null;
      batchId: number | null;
      request?: { id: number; portalId: string | null };
    },
  ): Promise<Upload> {
    const { store } = this.o;
    const source = store.content.source(f.sha256);
    const previous = store.uploads.resumable(d.id, f.sha256, f.fileName, f.request?.id ?? null);
    // An address kept from an earlier run is only worth resuming on the destination's own server.
    const resumable =
      previous && previous.uploadUrl && new URL(previous.uploadUrl).origin === new URL(d.url).origin
        ? previous
        : undefined;
    const upload =
      resumable ??
      store.uploads.start({
        destinationId: d.id,
        batchId: f.batchId,
        fileId: f.fileId,
        dataRequestId: f.request?.id ?? null,
        fileName: f.fileName,
        sha256: f.sha256,
        bytes: source.size,
      });
    try {
      const receipt = await uploader.send(
        f.fileName,
        source,
        upload.uploadUrl,
        (url, id) => store.uploads.rememberUrl(upload.id, url, id),
        f.request?.portalId ?? undefined,
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
}

function isTransient(e: unknown): boolean {
  return e instanceof Error && e.name === 'NetworkError';
}
