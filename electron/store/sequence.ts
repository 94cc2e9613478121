// Sequence numbers (NN). Allocated inside the finalising transaction, which holds SQLite's write
// lock from its first statement (IMMEDIATE), so two windows or processes never get the same NN;
// a partial unique index backs this up. Change and deletion files count per provider, kind and
// data set; additions count per provider, one NN for every file of an addition set.
import type { AdditionType, AmendmentKind, DataSet } from '../../shared/amd/model';
import { ADDITION_SCOPE, formatSeq } from '../../shared/amd/model';
import type { StoreContext } from './context';
import { StoreError } from './errors';

export function seriesOf(kind: AmendmentKind, dataSet: DataSet): string {
  return kind === 'ADD' ? 'ADD' : `${kind === 'CHANGE' ? 'CHG' : 'DEL'}-${dataSet}`;
}

export interface Allocation {
  id: number;
  seq: number;
  /** True when the file joins an addition set that already has its NN. */
  joined: boolean;
}

interface LiveRow {
  id: number;
  seq: number;
  addition_type: number | null;
  plan_row_id: number | null;
}

export interface AllocateRequest {
  providerId: number;
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  planRowId: number | null;
  /** An NN the user asked for; refused if history already holds it. */
  explicit?: number;
}

/** What allocating would do: join a held addition-set NN, or take a new one. Reads only. */
type Decision = { join: LiveRow } | { seq: number };

function decide(ctx: StoreContext, req: AllocateRequest): Decision {
  const { db } = ctx;
  const series = seriesOf(req.kind, req.dataSet);
  const live = (seq: number) =>
    db
      .prepare(
        'SELECT id, seq, addition_type, plan_row_id FROM sequence_numbers WHERE provider_id = ? AND series = ? AND seq = ? AND released_at IS NULL',
      )
      .get(req.providerId, series, seq) as LiveRow | undefined;

  if (req.kind === 'ADD') {
    const candidate =
      req.explicit !== undefined
        ? live(req.explicit)
        : (db
            .prepare(
              `SELECT id, seq, addition_type, plan_row_id FROM sequence_numbers
                     WHERE provider_id = ? AND series = 'ADD' AND released_at IS NULL AND addition_type = ? AND plan_row_id IS ?
                     ORDER BY seq DESC LIMIT 1`,
            )
            .get(req.providerId, req.additionType ?? null, req.planRowId) as LiveRow | undefined);
    if (candidate && joinable(ctx, candidate, req)) return { join: candidate };
  }

  let seq: number;
  if (req.explicit !== undefined) {
    const taken = live(req.explicit);
    if (taken)
      throw new StoreError(
        'CONFLICT',
        `NN ${formatSeq(req.explicit)} is already used ${describeHolder(ctx, taken.id)}; a sequence number is never reused. The next free one is ${formatSeq(nextFree(ctx, req.providerId, series))}.`,
      );
    seq = req.explicit;
  } else {
    seq = nextFree(ctx, req.providerId, series);
  }
  if (seq > 99) {
    throw new StoreError(
      'CONFLICT',
      `All 99 sequence numbers of ${series} for this provider are used; contact HEFCE before sending more files of this kind.`,
    );
  }
  return { seq };
}

/**
 * The NN finalising would give now, without taking it: the wizard's preview names the real file,
 * and a colleague finalising meanwhile is noticed at finalise, when the NN is reserved.
 */
export function peekSequence(ctx: StoreContext, req: AllocateRequest): number {
  const d = decide(ctx, req);
  return 'join' in d ? d.join.seq : d.seq;
}

/** Must be called inside an IMMEDIATE transaction. */
export function allocateSequence(ctx: StoreContext, req: AllocateRequest): Allocation {
  const d = decide(ctx, req);
  if ('join' in d) return { id: d.join.id, seq: d.join.seq, joined: true };
  const { seq } = d;
  const { id } = ctx.db
    .prepare(
      'INSERT INTO sequence_numbers (provider_id, series, seq, addition_type, plan_row_id, allocated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    )
    .get(
      req.providerId,
      seriesOf(req.kind, req.dataSet),
      seq,
      req.additionType ?? null,
      req.planRowId,
      ctx.now().toISOString(),
    ) as { id: number };
  return { id, seq, joined: false };
}

function nextFree(ctx: StoreContext, providerId: number, series: string): number {
  const r = ctx.db
    .prepare(
      'SELECT max(seq) AS top FROM sequence_numbers WHERE provider_id = ? AND series = ? AND released_at IS NULL',
    )
    .get(providerId, series) as { top: number | null };
  return (r.top ?? 0) + 1;
}

/** An addition set can take another file if it lacks that data set and none of it was sent. */
function joinable(ctx: StoreContext, held: LiveRow, req: AllocateRequest): boolean {
  if (held.addition_type !== (req.additionType ?? null)) return false;
  if (!req.additionType || !ADDITION_SCOPE[req.additionType].includes(req.dataSet)) return false;
  const files = ctx.db
    .prepare(
      "SELECT data_set, status FROM amendment_files WHERE sequence_id = ? AND status <> 'discarded'",
    )
    .all(held.id) as { data_set: string; status: string }[];
  if (files.some((f) => f.status !== 'final' && f.status !== 'draft')) return false;
  return !files.some((f) => f.data_set === req.dataSet);
}

function describeHolder(ctx: StoreContext, sequenceId: number): string {
  const f = ctx.db
    .prepare(
      'SELECT name, status FROM amendment_files WHERE sequence_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(sequenceId) as { name: string; status: string } | undefined;
  return f ? `by ${f.name} (${f.status})` : 'in the history';
}

/**
 * After a discard: the NN goes back only if it is the newest of its series, no file carrying it
 * was ever submitted, and no other file of its addition set is still live.
 */
export function releaseIfUnused(ctx: StoreContext, sequenceId: number): boolean {
  const { db } = ctx;
  const held = db
    .prepare(
      'SELECT provider_id, series, seq FROM sequence_numbers WHERE id = ? AND released_at IS NULL',
    )
    .get(sequenceId) as { provider_id: number; series: string; seq: number } | undefined;
  if (!held) return false;
  const statuses = (
    db.prepare('SELECT status FROM amendment_files WHERE sequence_id = ?').all(sequenceId) as {
      status: string;
    }[]
  ).map((r) => r.status);
  if (statuses.some((s) => s !== 'discarded')) return false;
  if (nextFree(ctx, held.provider_id, held.series) !== held.seq + 1) return false;
  db.prepare('UPDATE sequence_numbers SET released_at = ? WHERE id = ?').run(
    ctx.now().toISOString(),
    sequenceId,
  );
  return true;
}
