// The steps of a plan's lifecycle as the user recorded them: the day each happened, a note and
// an optional e-mail kept as evidence. A step can be undone (a mistaken click, a wrong date) until
// work rests on it: a file finalised against one of the plan's rows, a batch made for it, or a
// revised version. An undone step is kept, marked undone, so the history shows the correction.
import type { ActionPlan, PlanEvidence, PlanStep } from '../../shared/history/types';
import type { PlanStatus } from '../../shared/history/lifecycle';
import { isIsoDate } from '../../shared/domain';
import { calendarDateIn } from '../../shared/dates';
import { formatIsoDate } from '../../shared/history/wording';
import { dayMonthYear } from '../../shared/history/plan-wording';
import type { StoreContext } from './context';
import { StoreError } from './errors';

interface StepDbRow {
  id: number;
  plan_id: number;
  action: PlanStep['action'];
  from_status: PlanStatus;
  to_status: PlanStatus;
  on_date: string;
  note: string | null;
  evidence_name: string | null;
  evidence_sha256: string | null;
  evidence_bytes: number | null;
  user: string;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
}

const toStep = (r: StepDbRow): PlanStep => ({
  id: r.id,
  action: r.action,
  from: r.from_status,
  to: r.to_status,
  date: r.on_date,
  note: r.note,
  evidence:
    r.evidence_name !== null && r.evidence_sha256 !== null
      ? { name: r.evidence_name, sha256: r.evidence_sha256, bytes: r.evidence_bytes ?? 0 }
      : null,
  user: r.user,
  at: r.at,
  undoneAt: r.undone_at,
  undoneBy: r.undone_by,
});

export interface StepInput {
  /** YYYY-MM-DD; today (in England) when left out. */
  date?: string;
  note?: string;
  evidence?: PlanEvidence;
}

const PAST: Record<PlanStep['action'], string> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};

export class PlanSteps {
  constructor(private readonly ctx: StoreContext) {}

  list(planId: number): PlanStep[] {
    return (
      this.ctx.db
        .prepare('SELECT * FROM plan_steps WHERE plan_id = ? ORDER BY id')
        .all(planId) as StepDbRow[]
    ).map(toStep);
  }

  today(): string {
    return formatIsoDate(calendarDateIn(this.ctx.now()));
  }

  /** Inside the caller's transaction: checks the date and records the step; the audit user. */
  record(plan: ActionPlan, action: PlanStep['action'], to: PlanStatus, input: StepInput): PlanStep {
    const date = input.date ?? this.today();
    if (!isIsoDate(date))
      throw new StoreError(
        'INVALID_INPUT',
        `The date '${date}' is not a real date in YYYY-MM-DD form.`,
      );
    if (date > this.today())
      throw new StoreError(
        'INVALID_INPUT',
        `The date ${dayMonthYear(date)} is in the future; give the day the plan was ${PAST[action]}.`,
      );
    const previous = this.previousStep(plan);
    if (previous && date < previous.date)
      throw new StoreError(
        'INVALID_INPUT',
        `The date ${dayMonthYear(date)} is before the previous step (${PAST[previous.action]} on ${dayMonthYear(previous.date)}).`,
      );
    const note = input.note?.trim() || null;
    const entry = this.ctx.audit.append({
      action: `plan.${PAST[action]}`,
      subject: `plan:${plan.id}`,
      details: {
        from: plan.status,
        to,
        date,
        note,
        evidence: input.evidence ?? null,
      },
    });
    const r = this.ctx.db
      .prepare(
        `INSERT INTO plan_steps (plan_id, action, from_status, to_status, on_date, note, evidence_name, evidence_sha256, evidence_bytes, user, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        plan.id,
        action,
        plan.status,
        to,
        date,
        note,
        input.evidence?.name ?? null,
        input.evidence?.sha256 ?? null,
        input.evidence?.bytes ?? null,
        entry.user,
        entry.at,
      ) as StepDbRow;
    return toStep(r);
  }

  /**
   * Inside the caller's transaction: marks the current step undone and says what the plan goes
   * back to, or refuses naming what rests on the step.
   */
  undo(plan: ActionPlan): { step: PlanStep | null; back: PlanStatus } {
    if (plan.status === 'draft')
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${plan.id} is a draft: there is no step to undo.`,
      );
    if (plan.revisedById !== null)
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${plan.id} cannot go back: it was revised as plan ${plan.revisedById}, which now carries its rows.`,
      );
    const file = this.ctx.db
      .prepare(
        `SELECT f.name, r.ref FROM amendment_files f JOIN plan_rows r ON r.id = f.plan_row_id
          WHERE r.plan_id = ? AND f.status NOT IN ('draft', 'discarded') ORDER BY f.id LIMIT 1`,
      )
      .get(plan.id) as { name: string; ref: number } | undefined;
    if (file)
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${plan.id} cannot go back: ${file.name} was finalised against its row ${file.ref}, so its approval stands.`,
      );
    const batch = this.ctx.db
      .prepare('SELECT id FROM batches WHERE plan_id = ? ORDER BY id LIMIT 1')
      .get(plan.id) as { id: number } | undefined;
    if (batch)
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${plan.id} cannot go back: batch ${batch.id} was made against it, so its approval stands.`,
      );
    const step = plan.steps.filter((s) => s.undoneAt === null).at(-1) ?? null;
    // A plan recorded before steps had dates has no step row: its status alone says where it was.
    const back: PlanStatus =
      step?.to === plan.status ? step.from : plan.status === 'submitted' ? 'draft' : 'submitted';
    const entry = this.ctx.audit.append({
      action: 'plan.undone',
      subject: `plan:${plan.id}`,
      details: {
        undid: plan.status,
        date: step?.date ?? null,
        returnsTo: back,
      },
    });
    if (step && step.to === plan.status) {
      this.ctx.db
        .prepare('UPDATE plan_steps SET undone_at = ?, undone_by = ? WHERE id = ?')
        .run(entry.at, entry.user, step.id);
      return { step: { ...step, undoneAt: entry.at, undoneBy: entry.user }, back };
    }
    return { step: null, back };
  }

  /** The step the next one must not be dated before: this plan's, else its previous version's. */
  private previousStep(plan: ActionPlan): PlanStep | undefined {
    const own = plan.steps.filter((s) => s.undoneAt === null).at(-1);
    if (own || plan.revisesId === null) return own;
    return this.list(plan.revisesId)
      .filter((s) => s.undoneAt === null)
      .at(-1);
  }
}
