// Finalising an amendment file against an approved action plan row, once for every door: the NN is
// allocated inside the history's transaction and the file built for it there, so a file that would
// not be valid keeps nothing and leaves the NN free. A file made from MIS extracts is built in the
// import worker, outside that transaction (finaliseFromExtract): for the NN the history would give,
// and built again in the rare case another file took that NN meanwhile.
import type { Store } from '../store';
import { StoreError } from '../store';
import type { AdditionType, AmendmentKind, DataSet } from '../../shared/amd';
import type { ComputedFrom, StoredAmendmentFile } from '../../shared/history/types';
import { describeForRow } from '../../shared/history/wording';
import type { BuiltFile, ExtractFile, FileTarget } from './file-parts';
import { OperationError } from './refusal';

export interface RowRequest {
  planId: number;
  ref: number;
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
  /** Line 3; the row's own description when absent. Either way it names the reference number. */
  description?: string;
  /** An NN chosen by the user; refused if the history already holds it. */
  seq?: number;
  /** The provider the user meant, if they said: refused if the plan is another provider's. */
  upin?: string;
  /** Why the file holds more or fewer records than the row says; required when it does. */
  reason?: string;
}

const plural = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

/**
 * A file whose record count differs from its plan row's is finalised only with a stated reason
 * (477,953 records against a row for 3 is a wrong extract, not an amendment); every door obeys it.
 */
export function checkRowCount(
  records: number,
  row: { ref: number; records: number },
  planId: number,
  reason: string | undefined,
): void {
  if (records === row.records || reason !== undefined) return;
  throw new OperationError(
    'INVALID_INPUT',
    `The file holds ${plural(records)} but row ${row.ref} of plan ${planId} is for ${plural(row.records)}; state the reason for the difference to finalise it.`,
  );
}

/**
 * Finalises a file against an approved action plan row: the NN is allocated in the history's
 * transaction, `build` makes the file for it there, and the file is kept as final.
 */
export function finaliseAgainstRow(
  store: Store,
  req: RowRequest,
  build: (provider: string, seq: number, description: string) => BuiltFile,
  computedFrom?: ComputedFrom,
): { stored: StoredAmendmentFile; built: BuiltFile } {
  const { plan, row, description } = rowOf(store, req);
  let built: BuiltFile | undefined;
  const stored = store.files.finalise({
    providerId: plan.providerId,
    year: plan.year,
    kind: req.kind,
    dataSet: req.dataSet,
    additionType: req.additionType,
    planRowId: row.id,
    explicitSeq: req.seq,
    recordsReason: req.reason,
    computedFrom,
    build: (seq) => {
      built = build(plan.upin, seq, description);
      // Inside the transaction: a refusal here keeps nothing and leaves the NN free.
      checkRowCount(built.records, row, plan.id, req.reason);
      return built;
    },
  });
  if (!built) throw new Error('The file was not built.');
  return { stored, built };
}

/** The approved row a request names, refused if the plan is not the provider the user meant. */
function rowOf(store: Store, req: Omit<RowRequest, 'reason'>) {
  const { plan, row } = store.plans.approvedRow(req.planId, req.ref, req.kind);
  if (req.upin !== undefined && req.upin !== plan.upin)
    throw new StoreError(
      'CONFLICT',
      `Plan ${plan.id} is for provider ${plan.upin}, not ${req.upin}.`,
    );
  return { plan, row, description: describeForRow(req.description ?? row.description, row.ref) };
}

/** Whom the file is for and the NN finalising it would give now; nothing is reserved. */
export function rowTarget(store: Store, req: Omit<RowRequest, 'reason'>): FileTarget {
  const { plan, row, description } = rowOf(store, req);
  const seq = store.files.nextSeq({
    providerId: plan.providerId,
    kind: req.kind,
    dataSet: req.dataSet,
    additionType: req.additionType,
    planRowId: row.id,
    explicitSeq: req.seq,
  });
  return { provider: plan.upin, seq, description };
}

/** Thrown inside the transaction when the NN a file was built for has gone meanwhile. */
class TargetMoved extends Error {}

/**
 * Each build that misses its NN does so because another file took it, so the NN the next build
 * aims at is higher; NNs end at 99, so this many attempts can never all miss for that reason.
 */
const ATTEMPTS = 99;

/**
 * Finalises a file built elsewhere (the import worker) for the NN the history gives now: if that
 * NN was given to another file while this one was being built, nothing is kept and it is built
 * again for the next.
 */
export async function finaliseFromExtract(
  store: () => Store,
  req: RowRequest,
  build: (target: FileTarget) => Promise<ExtractFile>,
): Promise<{ stored: StoredAmendmentFile; file: ExtractFile }> {
  let missed: FileTarget | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const target = rowTarget(store(), req);
    // Aiming again where the last build missed would miss again: something else is wrong.
    if (missed && missed.seq === target.seq) break;
    const file = await build(target);
    const same = (provider: string, seq: number, description: string) =>
      provider === target.provider && seq === target.seq && description === target.description;
    try {
      const { stored } = finaliseAgainstRow(
        store(),
        req,
        (provider, seq, description) => {
          if (!same(provider, seq, description)) throw new TargetMoved();
          return file.built;
        },
        file.computedFrom,
      );
      return { stored, file };
    } catch (e) {
      if (!(e instanceof TargetMoved)) throw e;
      missed = target;
    }
  }
  throw new OperationError(
    'CONFLICT',
    'The NN changed each time this file was built, so nothing was kept. Try again.',
  );
}
