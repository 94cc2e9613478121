// Destinations: where files are uploaded. One destination is one account (address, user name, CA)
// with one or more areas (extranet upload areas, a data portal). The password and each area's
// group key are in the credential vault, never here.
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import { checkDestinationUrl, checkFields } from './destination-checks';
import type { DestinationArea } from './destination-areas';
import { addAreaTo, areasOf, chooseArea, insertArea, removeAreaFrom } from './destination-areas';

export interface Destination {
  id: number;
  name: string;
  url: string;
  /**
   * The area this destination is used for here: the one chosen (`inArea`), else its first. The
   * operations upload to, join and keep the group key of this area.
   */
  area: string;
  areaId: number;
  /** The area the destination was added with, whose group key keeps its original vault entry. */
  areaFirst: boolean;
  areas: DestinationArea[];
  username: string;
  caPem: string | null;
  createdAt: string;
  /** When it was removed; a removed destination is kept only for the receipts that name it. */
  removedAt: string | null;
}

export interface DestinationChange {
  name?: string;
  url?: string;
  area?: string;
  username?: string;
  /** null: no CA file of its own any more. */
  caPem?: string | null;
}

interface Row {
  id: number;
  name: string;
  url: string;
  area: string;
  username: string;
  ca_pem: string | null;
  created_at: string;
  removed_at: string | null;
}

function toDestination(ctx: StoreContext, r: Row): Destination {
  const areas = areasOf(ctx, r.id);
  // Every destination has an area (the last cannot be removed); the fallback is for a row being
  // added, before its area is.
  const area = areas[0] ?? { id: 0, name: r.area, first: true };
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    area: area.name,
    areaId: area.id,
    areaFirst: area.first,
    areas,
    username: r.username,
    caPem: r.ca_pem,
    createdAt: r.created_at,
    removedAt: r.removed_at,
  };
}

/** The destination with its area chosen: the one named, or its only one (see chooseArea). */
export function inArea(d: Destination, area?: string): Destination {
  const a = chooseArea(d, area);
  return { ...d, area: a.name, areaId: a.id, areaFirst: a.first };
}

export { checkDestinationUrl };

export class Destinations {
  constructor(private readonly ctx: StoreContext) {}

  add(input: {
    name: string;
    url: string;
    area: string;
    username: string;
    caPem?: string | null;
  }): Destination {
    const url = checkDestinationUrl(input.url);
    checkFields(input);
    return inTransaction(this.ctx, () => {
      if (this.find(input.name))
        throw new StoreError('CONFLICT', `A destination named '${input.name}' already exists.`);
      const r = this.ctx.db
        .prepare(
          'INSERT INTO destinations (name, url, area, username, ca_pem, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
        )
        .get(
          input.name.trim(),
          url,
          input.area.trim(),
          input.username.trim(),
          input.caPem ?? null,
          this.ctx.now().toISOString(),
        ) as Row;
      insertArea(this.ctx, r.id, r.area, true);
      this.ctx.audit.append({
        action: 'destination.added',
        subject: `destination:${r.name}`,
        details: { url, area: r.area, username: r.username, ca: r.ca_pem !== null },
      });
      return toDestination(this.ctx, r);
    });
  }

  list(): Destination[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare('SELECT * FROM destinations WHERE removed_at IS NULL ORDER BY name')
          .all() as Row[]
      ).map((r) => toDestination(this.ctx, r)),
    );
  }

  find(name: string): Destination | undefined {
    const r = this.ctx.db
      .prepare('SELECT * FROM destinations WHERE name = ? AND removed_at IS NULL')
      .get(name) as Row | undefined;
    return r ? toDestination(this.ctx, r) : undefined;
  }

  get(name: string): Destination {
    const d = read(this.ctx, () => this.find(name));
    if (!d) throw new StoreError('NOT_FOUND', `There is no destination named '${name}'.`);
    return d;
  }

  byId(id: number): Destination {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT * FROM destinations WHERE id = ?').get(id) as Row | undefined,
    );
    if (!r) throw new StoreError('NOT_FOUND', `There is no destination ${id}.`);
    return toDestination(this.ctx, r);
  }

  /**
   * Changes a destination. Its address, area or user name cannot change while a transfer to it is
   * unfinished: the resumable upload belongs to the server, account and area it was started with.
   * Its area can be renamed only while it has one; with several, areas are added and removed.
   */
  update(name: string, change: DestinationChange): Destination {
    const url = change.url === undefined ? undefined : checkDestinationUrl(change.url);
    checkFields(change);
    return inTransaction(this.ctx, () => {
      const d = this.get(name);
      const next = {
        name: change.name?.trim() ?? d.name,
        url: url ?? d.url,
        area: change.area?.trim() ?? d.area,
        username: change.username?.trim() ?? d.username,
        caPem: change.caPem === undefined ? d.caPem : change.caPem,
      };
      // A new name or CA file leaves a part-way transfer resumable; another server, account or
      // area would not.
      if (next.url !== d.url || next.area !== d.area || next.username !== d.username)
        this.refuseWhileUnfinished(d, ['transferring'], 'moved to another address, area or user');
      if (next.area !== d.area && d.areas.length > 1)
        throw new StoreError(
          'INVALID_INPUT',
          `Destination '${d.name}' has ${d.areas.length} areas; add or remove an area instead of changing it.`,
        );
      if (next.name !== d.name && this.find(next.name))
        throw new StoreError('CONFLICT', `A destination named '${next.name}' already exists.`);
      const r = this.ctx.db
        .prepare(
          'UPDATE destinations SET name = ?, url = ?, area = ?, username = ?, ca_pem = ? WHERE id = ? RETURNING *',
        )
        .get(next.name, next.url, next.area, next.username, next.caPem, d.id) as Row;
      if (next.area !== d.area)
        this.ctx.db
          .prepare('UPDATE destination_areas SET name = ? WHERE id = ?')
          .run(next.area, d.areaId);
      const changed: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
        (['name', 'url', 'area', 'username'] as const)
          .filter((k) => next[k] !== d[k])
          .map((k) => [k, { from: d[k], to: next[k] }]),
      );
      if (next.caPem !== d.caPem) changed.ca = { from: d.caPem !== null, to: next.caPem !== null };
      this.ctx.audit.append({
        action: 'destination.changed',
        subject: `destination:${d.name}`,
        details: changed,
      });
      return toDestination(this.ctx, r);
    });
  }

  /**
   * Removes a destination from those to choose from. One that anything was ever sent to is kept
   * for its receipts, renamed "NAME (removed DATE)" so the name is free for a new one; one never
   * used is deleted. Refused while an upload to it is unfinished or awaits its verdict.
   */
  remove(name: string): { destination: Destination; kept: boolean } {
    return inTransaction(this.ctx, () => {
      const d = this.get(name);
      this.refuseWhileUnfinished(d, ['transferring', 'pending-verification'], 'removed');
      const used =
        this.ctx.db.prepare('SELECT 1 FROM uploads WHERE destination_id = ? LIMIT 1').get(d.id) !==
          undefined ||
        this.ctx.db
          .prepare('SELECT 1 FROM data_requests WHERE destination_id = ? LIMIT 1')
          .get(d.id) !== undefined;
      const now = this.ctx.now().toISOString();
      let result = d;
      if (used) {
        const base = `${d.name} (removed ${now.slice(0, 10)})`;
        let kept = base;
        for (let n = 2; this.taken(kept); n++) kept = `${base} ${n}`;
        result = toDestination(
          this.ctx,
          this.ctx.db
            .prepare('UPDATE destinations SET name = ?, removed_at = ? WHERE id = ? RETURNING *')
            .get(kept, now, d.id) as Row,
        );
      } else {
        this.ctx.db.prepare('DELETE FROM destination_areas WHERE destination_id = ?').run(d.id);
        this.ctx.db.prepare('DELETE FROM destinations WHERE id = ?').run(d.id);
      }
      this.ctx.audit.append({
        action: 'destination.removed',
        subject: `destination:${d.name}`,
        details: { keptForReceipts: used, ...(used ? { keptAs: result.name } : {}) },
      });
      return { destination: result, kept: used };
    });
  }

  /** Another area the same account reaches, joined with its own group key. */
  addArea(name: string, area: string): { destination: Destination; area: DestinationArea } {
    return inTransaction(this.ctx, () => {
      const added = addAreaTo(this.ctx, this.get(name), area);
      return { destination: this.get(name), area: added };
    });
  }

  /**
   * Takes an area off the destination (its receipts keep its name). Refused for the last area and
   * while an upload to the area is unfinished or awaits its verdict.
   */
  removeArea(name: string, area: string): { destination: Destination; area: DestinationArea } {
    return inTransaction(this.ctx, () => {
      const removed = removeAreaFrom(this.ctx, this.get(name), area);
      return { destination: this.get(name), area: removed };
    });
  }

  /** Any destination, removed ones included, holds the name. */
  private taken(name: string): boolean {
    return this.ctx.db.prepare('SELECT 1 FROM destinations WHERE name = ?').get(name) !== undefined;
  }

  private refuseWhileUnfinished(d: Destination, statuses: string[], what: string): void {
    const open = this.ctx.db
      .prepare(
        `SELECT file_name, status FROM uploads WHERE destination_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY id`,
      )
      .all(d.id, ...statuses) as { file_name: string; status: string }[];
    if (open.length === 0) return;
    const said = open
      .map(
        (u) =>
          `${u.file_name} (${u.status === 'transferring' ? 'upload not finished' : 'pending verification'})`,
      )
      .join(', ');
    throw new StoreError(
      'INVALID_STATE',
      `Destination '${d.name}' cannot be ${what} while uploads to it are unfinished: ${said}. Finish or resume them${statuses.includes('pending-verification') ? ' and wait for their verification results' : ''} first.`,
    );
  }
}
