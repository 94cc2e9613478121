// The extranet's rules: who may log in, which areas a user has joined, and which uploads they own.
// HTTP lives elsewhere; everything here answers in the protocol's own terms (ApiError codes).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, sessionExpired } from './http';
import type { SeedArea, SeedUser } from './options';
import { DEFAULT_AREAS, DEFAULT_USER } from './options';
import {
  hashSecret,
  newToken,
  normaliseGroupKey,
  spendLikeAVerify,
  tokenDigest,
  verifySecret,
} from './secrets';
import type { Area, StateFile, UploadRecord, VerificationMessage } from './state';

export interface AreaJson {
  id: string;
  name: string;
}

export type UploadJson = Omit<UploadRecord, 'messages' | 'receivedOrder'> & {
  area: string;
  offset: number;
  messages: VerificationMessage[];
};

const unknownUpload = () =>
  new ApiError(404, 'UNKNOWN_UPLOAD', 'There is no such upload for this user.');

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'area'
  );
}

/** Upload names compare ignoring case: on Windows, where the files come from, they are one file. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class Extranet {
  constructor(
    private readonly file: StateFile,
    readonly uploadsDir: string,
    private readonly sessionTtlMs: number,
  ) {}

  private get state() {
    return this.file.state;
  }

  save(): Promise<void> {
    return this.file.save();
  }

  /** Applies --user and --area; with neither and an empty data folder, seeds the defaults. */
  async seed(users: readonly SeedUser[], areas: readonly SeedArea[]): Promise<void> {
    const isEmpty = (o: object) => Object.keys(o).length === 0;
    const wantedUsers = users.length > 0 ? users : isEmpty(this.state.users) ? [DEFAULT_USER] : [];
    for (const u of wantedUsers) {
      const existing = this.state.users[u.name];
      if (existing && (await verifySecret(u.password, existing.passwordHash))) continue;
      const passwordHash = await hashSecret(u.password);
      this.state.users[u.name] = { name: u.name, passwordHash, areas: existing?.areas ?? [] };
    }
    const wantedAreas = areas.length > 0 ? areas : isEmpty(this.state.areas) ? DEFAULT_AREAS : [];
    for (const a of wantedAreas) {
      const key = normaliseGroupKey(a.groupKey);
      const existing = Object.values(this.state.areas).find((x) => x.name === a.name);
      if (existing && (await verifySecret(key, existing.groupKeyHash))) continue;
      const groupKeyHash = await hashSecret(key);
      const id = existing?.id ?? this.freeAreaId(slug(a.name));
      this.state.areas[id] = { id, name: a.name, groupKeyHash };
    }
    await this.save();
  }

  private freeAreaId(base: string): string {
    let id = base;
    for (let n = 2; this.state.areas[id] !== undefined; n++) id = `${base}-${n}`;
    return id;
  }

  async login(username: string, password: string) {
    const user = this.state.users[username];
    const ok = user
      ? await verifySecret(password, user.passwordHash)
      : (await spendLikeAVerify(password), false);
    if (!user || !ok) {
      throw new ApiError(401, 'BAD_CREDENTIALS', 'The user name or password is not correct.');
    }
    this.dropExpiredSessions();
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.sessionTtlMs).toISOString();
    this.state.sessions[tokenDigest(token)] = { user: user.name, expiresAt };
    await this.save();
    return { token, expiresAt, username: user.name };
  }

  async logout(token: string): Promise<void> {
    delete this.state.sessions[tokenDigest(token)];
    await this.save();
  }

  /** The user behind an `Authorization: Bearer TOKEN` header, or 401 SESSION_EXPIRED. */
  authenticate(authorization: string | undefined): { user: string; token: string } {
    const token = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization ?? '')?.[1];
    const session = token === undefined ? undefined : this.state.sessions[tokenDigest(token)];
    if (token === undefined || !session || Date.parse(session.expiresAt) <= Date.now()) {
      throw sessionExpired();
    }
    if (!this.state.users[session.user]) throw sessionExpired();
    return { user: session.user, token };
  }

  private dropExpiredSessions(): void {
    const now = Date.now();
    for (const [digest, s] of Object.entries(this.state.sessions)) {
      if (Date.parse(s.expiresAt) <= now) delete this.state.sessions[digest];
    }
  }

  areasOf(user: string): AreaJson[] {
    return (this.state.users[user]?.areas ?? [])
      .map((id) => this.state.areas[id])
      .filter((a): a is Area => a !== undefined)
      .map(({ id, name }) => ({ id, name }));
  }

  async join(user: string, groupKey: string): Promise<AreaJson> {
    const key = normaliseGroupKey(groupKey);
    let found: Area | undefined;
    for (const area of Object.values(this.state.areas)) {
      if (key.length > 0 && (await verifySecret(key, area.groupKeyHash))) {
        found = area;
        break;
      }
    }
    const member = this.state.users[user];
    if (!found || !member) {
      throw new ApiError(403, 'BAD_GROUP_KEY', 'That group key does not open any upload area.');
    }
    if (!member.areas.includes(found.id)) {
      member.areas.push(found.id);
      await this.save();
    }
    return { id: found.id, name: found.name };
  }

  isMember(user: string, areaId: string): boolean {
    return this.state.users[user]?.areas.includes(areaId) === true;
  }

  /** For reading an area's content: 404 UNKNOWN_AREA, then 403 NOT_A_MEMBER. */
  requireMember(user: string, areaId: string): void {
    if (!this.state.areas[areaId]) {
      throw new ApiError(404, 'UNKNOWN_AREA', 'There is no upload area with that id.');
    }
    if (!this.isMember(user, areaId)) {
      throw new ApiError(403, 'NOT_A_MEMBER', 'Join this upload area with its group key first.');
    }
  }

  /** The area's current file of each name, newest first, each with its earlier versions. */
  async filesOf(user: string, areaId: string) {
    this.requireMember(user, areaId);
    const received = Object.values(this.state.uploads)
      .filter((u) => u.areaId === areaId && u.receivedAt !== null)
      .sort(newestFirst);
    const files: (UploadJson & { history: UploadJson[] })[] = [];
    for (const u of received) {
      if (files.some((f) => sameName(f.fileName, u.fileName))) continue;
      const history = received.filter((h) => h !== u && sameName(h.fileName, u.fileName));
      files.push({
        ...(await this.toJson(u)),
        history: await Promise.all(history.map((h) => this.toJson(h))),
      });
    }
    return files;
  }

  /** An upload owned by this user; anyone else's is reported as not existing at all. */
  ownedUpload(user: string, id: string): UploadRecord {
    const upload = this.state.uploads[id];
    if (!upload || upload.user !== user) throw unknownUpload();
    return upload;
  }

  upload(id: string): UploadRecord | undefined {
    return this.state.uploads[id];
  }

  uploads(): UploadRecord[] {
    return Object.values(this.state.uploads);
  }

  uploadPath(id: string): string {
    return join(this.uploadsDir, id);
  }

  async recordUpload(
    fields: Pick<
      UploadRecord,
      'id' | 'areaId' | 'fileName' | 'bytes' | 'clientSha256' | 'user' | 'request' | 'auditHead'
    >,
  ): Promise<void> {
    this.state.uploads[fields.id] = {
      ...fields,
      createdAt: new Date().toISOString(),
      receivedAt: null,
      receivedOrder: null,
      sha256: null,
      replaced: null,
      status: 'receiving',
      messages: [],
    };
    await this.save();
  }

  /** Marks the last byte received; the name's current version in the area becomes history. */
  async markReceived(id: string, sha256: string): Promise<UploadRecord | undefined> {
    const upload = this.state.uploads[id];
    if (!upload || upload.receivedAt !== null) return undefined;
    const current = Object.values(this.state.uploads)
      .filter(
        (u) =>
          u.id !== id &&
          u.areaId === upload.areaId &&
          u.receivedAt !== null &&
          sameName(u.fileName, upload.fileName),
      )
      .sort(newestFirst)[0];
    upload.sha256 = sha256;
    upload.receivedAt = new Date().toISOString();
    upload.receivedOrder =
      1 + this.uploads().reduce((m, u) => Math.max(m, u.receivedOrder ?? 0), 0);
    upload.replaced = current?.id ?? null;
    upload.status = 'pending-verification';
    await this.save();
    return upload;
  }

  /** A verdict is final: once accepted or failed, an upload never changes again. */
  async setVerdict(id: string, accepted: boolean, messages: VerificationMessage[]): Promise<void> {
    const upload = this.state.uploads[id];
    if (!upload || upload.status !== 'pending-verification') return;
    upload.status = accepted ? 'accepted' : 'failed';
    upload.messages = messages;
    await this.save();
  }

  async toJson(u: UploadRecord): Promise<UploadJson> {
    return {
      id: u.id,
      areaId: u.areaId,
      area: this.state.areas[u.areaId]?.name ?? u.areaId,
      fileName: u.fileName,
      bytes: u.bytes,
      offset: u.receivedAt !== null ? u.bytes : await this.storedBytes(u.id),
      sha256: u.sha256,
      clientSha256: u.clientSha256,
      user: u.user,
      createdAt: u.createdAt,
      receivedAt: u.receivedAt,
      replaced: u.replaced,
      status: u.status,
      messages: u.messages,
      request: u.request,
      auditHead: u.auditHead,
    };
  }

  /** How many bytes are on disk: the same number a tus HEAD reports as Upload-Offset. */
  async storedBytes(id: string): Promise<number> {
    try {
      return (await stat(this.uploadPath(id))).size;
    } catch {
      return 0;
    }
  }
}

function newestFirst(a: UploadRecord, b: UploadRecord): number {
  return (b.receivedOrder ?? 0) - (a.receivedOrder ?? 0) || b.createdAt.localeCompare(a.createdAt);
}
