// A destination's upload areas: one account reaches one or more areas (the extranet's GUA and ILR
// amendment area, a portal), each joined with its own group key (in the vault, never here).
import type { StoreContext } from './context';
import { StoreError } from './errors';

export interface DestinationArea {
  id: number;
  name: string;
  /** The area the destination was added with: its group key keeps the vault entry it always had. */
  first: boolean;
}

interface AreaRow {
  id: number;
  name: string;
  first: number;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The destination's areas, the one it was added with first, then in the order they were added. */
export function areasOf(ctx: StoreContext, destinationId: number): DestinationArea[] {
  return (
    ctx.db
      .prepare(
        'SELECT id, name, first FROM destination_areas WHERE destination_id = ? ORDER BY first DESC, id',
      )
      .all(destinationId) as AreaRow[]
  ).map((r) => ({ id: r.id, name: r.name, first: r.first === 1 }));
}

export function findArea(
  areas: readonly DestinationArea[],
  name: string,
): DestinationArea | undefined {
  return areas.find((a) => same(a.name, name));
}

/**
 * The area an upload goes to: the one named, or the only one. With several and none named, the
 * caller must choose, and is told which there are.
 */
export function chooseArea(
  destination: { name: string; areas: readonly DestinationArea[] },
  name?: string,
): DestinationArea {
  const { areas } = destination;
  const list = areas.map((a) => `'${a.name}'`).join(', ');
  if (name === undefined || name.trim() === '') {
    if (areas.length === 1) return areas[0] as DestinationArea;
    throw new StoreError(
      'INVALID_INPUT',
      `Destination '${destination.name}' has ${areas.length} areas (${list}); choose the area to upload to.`,
    );
  }
  const found = findArea(areas, name);
  if (!found)
    throw new StoreError(
      'NOT_FOUND',
      `Destination '${destination.name}' has no area '${name.trim()}'; its areas are ${list}.`,
    );
  return found;
}

export function insertArea(
  ctx: StoreContext,
  destinationId: number,
  name: string,
  first: boolean,
): DestinationArea {
  const r = ctx.db
    .prepare(
      'INSERT INTO destination_areas (destination_id, name, first, created_at) VALUES (?, ?, ?, ?) RETURNING id, name, first',
    )
    .get(destinationId, name.trim(), first ? 1 : 0, ctx.now().toISOString()) as AreaRow;
  return { id: r.id, name: r.name, first: r.first === 1 };
}

/** Uploads to this area of the destination that are not finished (transfer or verdict). */
export function unfinishedIn(
  ctx: StoreContext,
  destinationId: number,
  area: string,
): { file_name: string; status: string }[] {
  return (
    ctx.db
      .prepare(
        `SELECT file_name, status, area FROM uploads WHERE destination_id = ? AND status IN ('transferring', 'pending-verification') ORDER BY id`,
      )
      .all(destinationId) as { file_name: string; status: string; area: string | null }[]
  ).filter((u) => u.area !== null && same(u.area, area));
}

export function addAreaTo(
  ctx: StoreContext,
  d: { id: number; name: string; areas: readonly DestinationArea[] },
  area: string,
): DestinationArea {
  if (area.trim() === '')
    throw new StoreError('INVALID_INPUT', "The destination's area must not be empty.");
  const existing = findArea(d.areas, area);
  if (existing)
    throw new StoreError(
      'CONFLICT',
      `Destination '${d.name}' already has the area '${existing.name}'.`,
    );
  const added = insertArea(ctx, d.id, area, false);
  ctx.audit.append({
    action: 'destination.area-added',
    subject: `destination:${d.name}`,
    details: { area: added.name },
  });
  return added;
}

export function removeAreaFrom(
  ctx: StoreContext,
  d: { id: number; name: string; areas: readonly DestinationArea[] },
  area: string,
): DestinationArea {
  const a = chooseArea(d, area);
  if (d.areas.length === 1)
    throw new StoreError(
      'INVALID_STATE',
      `'${a.name}' is the only area of destination '${d.name}'; a destination keeps at least one area (remove the destination instead).`,
    );
  const open = unfinishedIn(ctx, d.id, a.name);
  if (open.length > 0) {
    const said = open
      .map(
        (u) =>
          `${u.file_name} (${u.status === 'transferring' ? 'upload not finished' : 'pending verification'})`,
      )
      .join(', ');
    throw new StoreError(
      'INVALID_STATE',
      `Area '${a.name}' of destination '${d.name}' cannot be removed while uploads to it are unfinished: ${said}. Finish or resume them and wait for their verification results first.`,
    );
  }
  ctx.db.prepare('DELETE FROM destination_areas WHERE id = ?').run(a.id);
  ctx.audit.append({
    action: 'destination.area-removed',
    subject: `destination:${d.name}`,
    details: { area: a.name },
  });
  return a;
}
