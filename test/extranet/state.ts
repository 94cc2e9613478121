// Everything the server knows apart from the uploaded bytes: users, sessions, areas, memberships,
// upload records and data requests. One JSON file, replaced atomically (temp file, fsync, rename),
// so a kill at any moment leaves either the old state or the new one, and a restart carries on where
// it stopped.
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const message = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
});
export type VerificationMessage = z.infer<typeof message>;

export const UPLOAD_STATUSES = ['receiving', 'pending-verification', 'accepted', 'failed'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

const uploadRecord = z.object({
  id: z.string(),
  areaId: z.string(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  clientSha256: z.string().nullable(),
  user: z.string(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  // 1, 2, 3… in the order uploads finished: clock times can tie within a millisecond, and
  // "which version is current" must never depend on that.
  receivedOrder: z.number().int().nullable(),
  sha256: z.string().nullable(),
  replaced: z.string().nullable(),
  status: z.enum(UPLOAD_STATUSES),
  messages: z.array(message),
  // The data request this upload answers, if any. Absent in state files written before requests.
  request: z.string().nullable().default(null),
  // The client's audit head sent with the upload. Absent in state files written before it.
  auditHead: z
    .object({ entry: z.number().int().nonnegative(), seal: z.string() })
    .nullable()
    .default(null),
});
export type UploadRecord = z.infer<typeof uploadRecord>;

// A data request of the portal. Its status is not stored: it follows from its uploads and nil return.
const requestRecord = z.object({
  id: z.string(),
  areaId: z.string(),
  period: z.string(),
  template: z.string(),
  opens: z.string(),
  due: z.string(),
  columns: z.array(z.string()).nullable(),
  nilReturnAt: z.string().nullable(),
  nilReturnBy: z.string().nullable(),
});
export type RequestRecord = z.infer<typeof requestRecord>;

const stateSchema = z.object({
  version: z.literal(1),
  users: z.record(
    z.string(),
    z.object({ name: z.string(), passwordHash: z.string(), areas: z.array(z.string()) }),
  ),
  // Keyed by the SHA-256 of the token: the file never holds a usable token.
  sessions: z.record(z.string(), z.object({ user: z.string(), expiresAt: z.string() })),
  areas: z.record(
    z.string(),
    z.object({ id: z.string(), name: z.string(), groupKeyHash: z.string() }),
  ),
  uploads: z.record(z.string(), uploadRecord),
  requests: z.record(z.string(), requestRecord).default({}),
});
export type State = z.infer<typeof stateSchema>;
export type User = State['users'][string];
export type Area = State['areas'][string];

export function emptyState(): State {
  return { version: 1, users: {}, sessions: {}, areas: {}, uploads: {}, requests: {} };
}

export class StateFile {
  private readonly path: string;
  private writing: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    dataDir: string,
    readonly state: State,
  ) {
    this.path = join(dataDir, 'state.json');
  }

  static async open(dataDir: string): Promise<StateFile> {
    let text: string;
    try {
      text = await readFile(join(dataDir, 'state.json'), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        return new StateFile(dataDir, emptyState());
      throw e;
    }
    // A damaged state file is refused rather than replaced: silently starting empty would lose
    // every upload record a test or a developer was relying on.
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(
        `${join(dataDir, 'state.json')} is not a valid state file: ${parsed.error.message}`,
      );
    }
    return new StateFile(dataDir, parsed.data);
  }

  /**
   * Writes the current state. Calls made while a write is running are folded into one more write,
   * so the file always ends up holding the latest state without a write per call.
   */
  save(): Promise<void> {
    if (this.queued) return this.writing;
    this.queued = true;
    // A failed write must not poison the chain: the next save tries again from the current state.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.queued = false;
        await this.writeNow();
      });
    return this.writing;
  }

  private async writeNow(): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(this.state, null, 1));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.path);
  }
}
