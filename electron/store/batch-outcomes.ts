// What happened after HEFCE accepted a batch: the guide's loop. HEFCE produces updated outputs;
// the college then confirms the amendments had the impact expected, or finds they did not, which
// starts a revised action plan (the batch's plan, rows carried over) and the process again.
// Each step is kept once, as recorded, with the day it happened, and goes into the audit trail.
import type { BatchLoopState, BatchOutcomeView } from '../../shared/ipc/loop';
import { isIsoDate } from '../../shared/domain';
import { calendarDateIn } from '../../shared/dates';
import { formatIsoDate } from '../../shared/history/wording';
import { dayMonthYear } from '../../shared/history/plan-wording';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import type { Batches } from './batches';
import type { Batch } from '../../shared/history/types';
import type { Plans } from './plans';

interface OutcomeDbRow {
  step: 'outputs' | 'confirmed' | 'not_as_expected';
  on_date: string;
  by: string | null;
  note: string | null;
  revised_plan_id: number | null;
  user: string;
  at: string;
}

export class BatchOutcomes {
  constructor(
    private readonly ctx: StoreContext,
    private readonly batches: Batches,
    private readonly plans: Plans,
  ) {}

  get(batchId: number): BatchOutcomeView {
    return read(this.ctx, () => this.load(batchId));
  }

  /** HEFCE's updated outputs are available (the day they were). */
  recordOutputs(batchId: number, date?: string): BatchOutcomeView {
    return inTransaction(this.ctx, () => {
      const now = this.load(batchId);
      if (now.state === 'not-accepted')
        throw new StoreError(
          'INVALID_STATE',
          `Batch ${batchId} has not been accepted; HEFCE's updated outputs follow an accepted batch.`,
        );
      if (now.outputs)
        throw new StoreError(
          'INVALID_STATE',
          `HEFCE's updated outputs for batch ${batchId} were already recorded as available on ${dayMonthYear(now.outputs.date)}.`,
        );
      const on = this.checkDate(date, now.acceptedOn, 'the batch was accepted');
      this.insert(batchId, 'outputs', on, null, null, null, { date: on });
      return this.load(batchId);
    });
  }

  /** The impact was as expected (who confirmed it). */
  confirm(batchId: number, by: string, date?: string): BatchOutcomeView {
    return inTransaction(this.ctx, () => {
      const now = this.awaitingConfirmation(batchId);
      const on = this.checkDate(date, now.outputs?.date ?? null, 'the outputs were available');
      this.insert(batchId, 'confirmed', on, by.trim(), null, null, { date: on, by: by.trim() });
      return this.load(batchId);
    });
  }

  /** The impact was not as expected: a revised plan (a draft with the rows carried over) starts. */
  notAsExpected(batchId: number, differed: string, date?: string): BatchOutcomeView {
    return inTransaction(this.ctx, () => {
      const now = this.awaitingConfirmation(batchId);
      const on = this.checkDate(date, now.outputs?.date ?? null, 'the outputs were available');
      const revised = this.plans.revise(
        now.planId,
        `Not as expected after batch ${batchId}: ${differed.trim()}`,
      );
      this.insert(batchId, 'not_as_expected', on, null, differed.trim(), revised.id, {
        date: on,
        differed: differed.trim(),
        revisedPlan: revised.id,
      });
      return this.load(batchId);
    });
  }

  private awaitingConfirmation(batchId: number): BatchOutcomeView {
    const now = this.load(batchId);
    if (now.state === 'awaiting-confirmation') return now;
    const why: Record<Exclude<BatchLoopState, 'awaiting-confirmation'>, string> = {
      'not-accepted': 'it has not been accepted',
      'awaiting-outputs': "HEFCE's updated outputs are not yet recorded as available",
      'impact-confirmed': `its impact was already confirmed by ${now.confirmed?.by ?? ''}`,
      'not-as-expected': `it was already found not as expected (plan ${now.notAsExpected?.revisedPlanId ?? ''} revises the plan)`,
    };
    throw new StoreError(
      'INVALID_STATE',
      `The impact of batch ${batchId} cannot be recorded: ${why[now.state]}.`,
    );
  }

  private checkDate(date: string | undefined, notBefore: string | null, what: string): string {
    const today = formatIsoDate(calendarDateIn(this.ctx.now()));
    const on = date ?? today;
    if (!isIsoDate(on))
      throw new StoreError(
        'INVALID_INPUT',
        `The date '${on}' is not a real date in YYYY-MM-DD form.`,
      );
    if (on > today)
      throw new StoreError('INVALID_INPUT', `The date ${dayMonthYear(on)} is in the future.`);
    if (notBefore && on < notBefore)
      throw new StoreError(
        'INVALID_INPUT',
        `The date ${dayMonthYear(on)} is before ${what} (${dayMonthYear(notBefore)}).`,
      );
    return on;
  }

  private insert(
    batchId: number,
    step: OutcomeDbRow['step'],
    on: string,
    by: string | null,
    note: string | null,
    revisedPlanId: number | null,
    details: Record<string, unknown>,
  ): void {
    const entry = this.ctx.audit.append({
      action: `batch.${step === 'outputs' ? 'outputs_available' : step === 'confirmed' ? 'impact_confirmed' : 'impact_not_as_expected'}`,
      subject: `batch:${batchId}`,
      details,
    });
    this.ctx.db
      .prepare(
        `INSERT INTO batch_outcomes (batch_id, step, on_date, by, note, revised_plan_id, user, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(batchId, step, on, by, note, revisedPlanId, entry.user, entry.at);
  }

  /** For a batch already loaded (the dashboard lists them all): only its outcomes are read. */
  of(b: Batch): BatchOutcomeView {
    return read(this.ctx, () => this.view(b));
  }

  private load(batchId: number): BatchOutcomeView {
    return this.view(this.batches.get(batchId));
  }

  private view(b: Batch): BatchOutcomeView {
    const batchId = b.id;
    const rows = this.ctx.db
      .prepare('SELECT * FROM batch_outcomes WHERE batch_id = ? ORDER BY id')
      .all(batchId) as OutcomeDbRow[];
    const of = (step: OutcomeDbRow['step']) => rows.find((r) => r.step === step);
    const outputs = of('outputs');
    const confirmed = of('confirmed');
    const missed = of('not_as_expected');
    const accepted = b.status === 'accepted';
    const state: BatchLoopState = !accepted
      ? 'not-accepted'
      : confirmed
        ? 'impact-confirmed'
        : missed
          ? 'not-as-expected'
          : outputs
            ? 'awaiting-confirmation'
            : 'awaiting-outputs';
    return {
      batchId: b.id,
      upin: b.upin,
      year: b.year,
      planId: b.planId,
      state,
      acceptedOn: accepted ? formatIsoDate(calendarDateIn(new Date(b.statusChangedAt))) : null,
      outputs: outputs ? { date: outputs.on_date, user: outputs.user, at: outputs.at } : null,
      confirmed: confirmed
        ? {
            date: confirmed.on_date,
            by: confirmed.by ?? '',
            user: confirmed.user,
            at: confirmed.at,
          }
        : null,
      notAsExpected: missed
        ? {
            date: missed.on_date,
            differed: missed.note ?? '',
            revisedPlanId: missed.revised_plan_id ?? 0,
            user: missed.user,
            at: missed.at,
          }
        : null,
    };
  }
}
