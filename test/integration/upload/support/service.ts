// The upload service in this process, for what the command line cannot show: a small retry policy,
// progress events, and a look at every request (a recording wrapper around the real Node transport).
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Store, type Destination } from '../../../../electron/store';
import { NodeTransport } from '../../../../electron/upload/node-transport';
import type {
  Transport,
  TransportRequest,
  TransportResponse,
} from '../../../../electron/upload/transport';
import {
  UploadService,
  type UploadServiceOptions,
} from '../../../../electron/operations/upload-service';
import { fileFromDisk } from '../../../../electron/cli/file-source';
import type { FileSource } from '../../../../shared/ipc/source';
import type { Progress, RetryPolicy } from '../../../../electron/upload/uploader';
import { vaultAccount } from '../../../../electron/vault/keyring-vault';
import type { RunningExtranet } from '../../../extranet/spawn';
import { DEMO, GUA, GUA_KEY, type UploadTestEnv } from './env';

/** Fast enough for tests, patient enough to outlast a server restart (about 10 s). */
export const TEST_RETRY: RetryPolicy = { attempts: 60, firstDelayMs: 20, maxDelayMs: 200 };

export interface SentRequest {
  method: string;
  url: string;
  uploadOffset?: number;
  /** Body bytes that went out, as counted by the transport. */
  bodyBytes: number;
  /** The answer's status, or the network problem. */
  outcome: number | string;
}

/** The real Node transport, with every request written down. */
export class RecordingTransport implements Transport {
  readonly sent: SentRequest[] = [];
  /** The session token of the last request that carried one. */
  lastToken: string | undefined;

  constructor(
    private readonly inner: Transport,
    /** Lets a test hold or change a PATCH body (e.g. stop it half-way). */
    private readonly patchBody?: (body: Readable, offset: number) => Readable,
  ) {}

  async request(req: TransportRequest): Promise<TransportResponse> {
    const offset = req.headers?.['Upload-Offset'];
    const entry: SentRequest = {
      method: req.method,
      url: req.url,
      uploadOffset: offset === undefined ? undefined : Number(offset),
      bodyBytes: 0,
      outcome: 'pending',
    };
    this.sent.push(entry);
    const auth = req.headers?.Authorization;
    if (auth?.startsWith('Bearer ')) this.lastToken = auth.slice('Bearer '.length);
    let body = req.body;
    if (req.method === 'PATCH' && this.patchBody && body && !Buffer.isBuffer(body))
      body = this.patchBody(body, Number(offset));
    try {
      const res = await this.inner.request({
        ...req,
        body,
        onBodyBytes: (n) => {
          entry.bodyBytes += n;
          req.onBodyBytes?.(n);
        },
      });
      entry.outcome = res.status;
      return res;
    } catch (e) {
      entry.outcome = (e as { problem?: string }).problem ?? String(e);
      throw e;
    }
  }

  patches(): SentRequest[] {
    return this.sent.filter((r) => r.method === 'PATCH');
  }

  logins(): number {
    return this.sent.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/session')).length;
  }
}

export interface ServiceSetup {
  store: Store;
  destination: Destination;
  service: UploadService;
  transport: RecordingTransport;
  progress: Progress[];
}

/**
 * A history in `data` with a destination for `server`, its password and group key in the test's
 * vault, and an UploadService over a RecordingTransport. The caller closes `store`.
 */
export async function serviceFor(
  env: UploadTestEnv,
  data: string,
  server: RunningExtranet,
  o: Partial<UploadServiceOptions> & {
    patchBody?: (body: Readable, offset: number) => Readable;
  } = {},
): Promise<ServiceSetup> {
  const store = new Store(data, { user: 'jo.bloggs' });
  const destination = store.destinations.add({
    name: 'hefce',
    url: server.url,
    area: GUA,
    username: DEMO.username,
    caPem: await readFile(server.ca, 'utf8'),
  });
  await env.vault.set(vaultAccount.password(destination.id, DEMO.username), DEMO.password);
  await env.vault.set(vaultAccount.groupKey(destination.id), GUA_KEY);
  const transport = new RecordingTransport(new NodeTransport(destination.caPem), o.patchBody);
  const progress: Progress[] = [];
  const service = new UploadService({
    store,
    vault: env.vault,
    transportFor: () => transport,
    retry: TEST_RETRY,
    onProgress: (p) => progress.push(p),
    ...o,
  });
  return { store, destination, service, transport, progress };
}

/** Files on disk as the sources an upload is handed, streamed as the command line streams them. */
export function onDisk(paths: readonly string[]): Promise<FileSource[]> {
  return Promise.all(paths.map(fileFromDisk));
}
