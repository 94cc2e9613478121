// Uploads as the user sees them: files or a whole batch to a destination, each with a receipt in
// the history, and verification results fetched later. The operations' one place that ties the
// store, the vault and the transfer together (electron/upload only moves bytes and reports).
import type { Store, Upload, Destination } from '../store';
import { inArea } from '../store';
import type { CredentialVault } from '../../shared/ports';
import type { FileSource } from '../../shared/ipc/source';
import type { Transport } from '../upload/transport';
import { ExtranetClient, UploadError } from '../upload/extranet-client';
import { Uploader } from '../upload/uploader';
import type { Progress, RetryPolicy } from '../upload/uploader';
import { groupKeyFor, passwordFor } from './upload-secrets';
import { transfer } from './upload-transfer';
import type { TransferItem } from './upload-transfer';
import { refreshStatuses } from './upload-verdicts';
import type { DestinationCheck } from './upload-verdicts';
import type { SessionSecrets } from './session-secrets';

export interface UploadServiceOptions {
  store: Store;
  vault: CredentialVault;
  /** Secrets typed this session where the vault cannot keep them. */
  session?: SessionSecrets;
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
  /** What the last refresh did at each destination with uploads pending. */
  checks: DestinationCheck[] = [];

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
      groupKey: () => groupKeyFor(this.o.vault, d, this.o.session),
      retry: this.o.retry,
      onProgress: this.o.onProgress,
      sleep: this.o.sleep,
      signal: this.o.signal,
    });
  }

  /** Logs in and makes sure the area is joined. */
  /** Logs in and makes sure each area is joined (the one chosen, or every one), stopping at the first that fails. */
  async test(d: Destination, area?: string): Promise<{ area: string; areas: string[] }> {
    const chosen = area === undefined ? d.areas.map((a) => a.name) : [inArea(d, area).area];
    const client = this.client(d);
    for (const name of chosen) await this.uploader(inArea(d, name), client).ensureArea();
    return { area: chosen[0] ?? d.area, areas: chosen };
  }

  /** Logs in with this run's password, retrying a busy server (never a refused password). */
  async login(d: Destination): Promise<void> {
    const client = this.client(d);
    await this.uploader(d, client).retry(() => client.login());
  }

  /** Files the user handed over at a door: each is copied into the history first, so what was sent is kept. */
  async uploadFiles(
    destinationName: string,
    files: readonly FileSource[],
    area?: string,
  ): Promise<Upload[]> {
    return this.uploadEach(destinationName, area, files, async (f) => ({
      fileName: f.fileName,
      ...(await this.o.store.content.putStream(f.open())),
    }));
  }

  /** Amendment files already in the history, by name. */
  async uploadStored(
    destinationName: string,
    names: readonly string[],
    area?: string,
  ): Promise<Upload[]> {
    return this.uploadEach(destinationName, area, names, async (name) => {
      const f = this.o.store.files.get(name);
      return { fileName: f.name, sha256: f.sha256 };
    });
  }

  private async uploadEach<T>(
    destinationName: string,
    area: string | undefined,
    items: readonly T[],
    stored: (item: T) => Promise<{ fileName: string; sha256: string }>,
  ): Promise<Upload[]> {
    const { store } = this.o;
    const d = inArea(store.destinations.get(destinationName), area);
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
  async uploadBatch(destinationName: string, batchId: number, area?: string): Promise<Upload[]> {
    const { store } = this.o;
    let batch = store.batches.get(batchId);
    const all = store.destinations.get(destinationName);
    // A batch names the area it is for: unless told otherwise, the destination's area of that name.
    const d = inArea(
      all,
      area ??
        (all.areas.length > 1 &&
        all.areas.some(
          (a) => a.name.trim().toLowerCase() === batch.destination.trim().toLowerCase(),
        )
          ? batch.destination
          : undefined),
    );
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
    const { changed, problems, destinations } = await refreshStatuses(
      this.o.store,
      this,
      this.o,
      destinationName,
    );
    this.problems.push(...problems);
    this.checks = destinations;
    return changed;
  }

  /** One stored content to a destination, with its receipt; portal returns name their request. */
  transfer(uploader: Uploader, d: Destination, f: TransferItem): Promise<Upload> {
    return transfer(this.o.store, uploader, d, f);
  }
}
