// Action plans: numbered areas of difference, draft → submitted → approved, or → returned → a
// revised version (a new plan; the old one stays readable). Only an approved plan that has not
// been revised accepts amendment files.
import type { ActionPlan, PlanRow, PlanStep, PlanVariant } from '../../shared/history/types';
import type { PlanAction, PlanStatus } from '../../shared/history/lifecycle';
import { PLAN_TRANSITIONS } from '../../shared/history/lifecycle';
import { isIlrYear } from '../../shared/domain';
import type { AmendmentKind } from '../../shared/amd/model';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import { PlanRows, toRow } from './plan-rows';
import { PlanSteps } from './plan-steps';
import type { StepInput } from './plan-steps';
import type { NewPlanRow, RowDbRow } from './plan-rows';

export type { NewPlanRow } from './plan-rows';
import type { Providers } from './providers';

interface PlanDbRow {
  id: number;
  provider_id: number;
  upin: string;
  year: string;
  title: string;
  variant: PlanVariant;
  version: number;
  revises_id: number | null;
  revised_by_id: number | null;
  status: PlanStatus;
  status_note: string | null;
  created_at: string;
  status_changed_at: string;
}

const PLAN_SELECT =
  'SELECT p.*, v.upin FROM action_plans p JOIN providers v ON v.id = p.provider_id';

export class Plans {
  private readonly rows: PlanRows;
  private readonly steps: PlanSteps;

  constructor(
    private readonly ctx: StoreContext,
    private readonly providers: Providers,
  ) {
    this.rows = new PlanRows(ctx, (id) => this.load(id));
    this.steps = new PlanSteps(ctx);
  }

  create(input: { upin: string; year: string; title: string; variant?: PlanVariant }): ActionPlan {
    if (!isIlrYear(input.year))
      throw new StoreError(
        'INVALID_INPUT',
        `The ILR year '${input.year}' must be written like 2010-11.`,
      );
    if (input.title.trim() === '')
      throw new StoreError('INVALID_INPUT', 'The plan title must not be empty.');
    const provider = this.providers.get(input.upin);
    return inTransaction(this.ctx, () => {
      const now = this.ctx.now().toISOString();
      const { id } = this.ctx.db
        .prepare(
          `INSERT INTO action_plans (provider_id, year, title, variant, version, status, created_at, status_changed_at)
                  VALUES (?, ?, ?, ?, 1, 'draft', ?, ?) RETURNING id`,
        )
        .get(provider.id, input.year, input.title.trim(), input.variant ?? 'general', now, now) as {
        id: number;
      };
      this.ctx.audit.append({
        action: 'plan.created',
        subject: `plan:${id}`,
        details: { upin: input.upin, year: input.year, title: input.title },
      });
      return this.load(id);
    });
  }

  addRow(planId: number, input: NewPlanRow): PlanRow {
    return this.rows.add(planId, input);
  }

  updateRow(planId: number, ref: number, input: NewPlanRow): PlanRow {
    return this.rows.update(planId, ref, input);
  }

  removeRow(planId: number, ref: number): void {
    this.rows.remove(planId, ref);
  }

  /** Rows added to a draft plan in one transaction: a bad row leaves none of them behind. */
  addRows(planId: number, rows: readonly NewPlanRow[]): ActionPlan {
    return inTransaction(this.ctx, () => {
      for (const row of rows) this.addRow(planId, row);
      return this.load(planId);
    });
  }

  /** A new draft plan with all its rows, in one transaction: a bad row leaves nothing behind. */
  importPlan(input: {
    upin: string;
    year: string;
    title: string;
    variant: PlanVariant;
    rows: readonly NewPlanRow[];
  }): ActionPlan {
    return inTransaction(this.ctx, () => {
      const plan = this.create(input);
      for (const row of input.rows) this.addRow(plan.id, row);
      this.ctx.audit.append({
        action: 'plan.imported',
        subject: `plan:${plan.id}`,
        details: { rows: input.rows.length },
      });
      return this.load(plan.id);
    });
  }

  /**
   * submit, approve or return, recorded with the day it happened (today when left out), a note and
   * an optional e-mail kept as evidence.
   */
  move(
    planId: number,
    action: Exclude<PlanAction, 'revise'>,
    note?: string,
    step: Omit<StepInput, 'note'> = {},
  ): ActionPlan {
    return inTransaction(this.ctx, () => {
      const plan = this.load(planId);
      const t = PLAN_TRANSITIONS[action];
      if (!t.from.includes(plan.status)) {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${planId} is ${plan.status}; only a ${t.from.join(' or ')} plan can be ${pastTense(action)}.`,
        );
      }
      if (action === 'submit' && plan.rows.length === 0) {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${planId} has no rows; add the areas of difference before submitting it.`,
        );
      }
      this.steps.record(plan, action, t.to, { ...step, note });
      this.ctx.db
        .prepare(
          'UPDATE action_plans SET status = ?, status_note = ?, status_changed_at = ? WHERE id = ?',
        )
        .run(t.to, note?.trim() || null, this.ctx.now().toISOString(), planId);
      return this.load(planId);
    });
  }

  /** Takes back the last submit, approve or return, until work rests on it; the step is kept. */
  undo(planId: number): { plan: ActionPlan; undone: PlanStep | null } {
    return inTransaction(this.ctx, () => {
      const { step, back } = this.steps.undo(this.load(planId));
      const before = this.load(planId)
        .steps.filter((s) => s.undoneAt === null)
        .at(-1);
      this.ctx.db
        .prepare(
          'UPDATE action_plans SET status = ?, status_note = ?, status_changed_at = ? WHERE id = ?',
        )
        .run(back, before?.note ?? null, before?.at ?? this.ctx.now().toISOString(), planId);
      return { plan: this.load(planId), undone: step };
    });
  }

  /** A new draft version with the same rows; the old version stays as it was, readable. */
  revise(planId: number, note?: string): ActionPlan {
    return inTransaction(this.ctx, () => {
      const plan = this.load(planId);
      if (!PLAN_TRANSITIONS.revise.from.includes(plan.status)) {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${planId} is ${plan.status}; only a returned or approved plan can be revised.`,
        );
      }
      if (plan.revisedById !== null) {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${planId} was already revised as plan ${plan.revisedById}; revise that one.`,
        );
      }
      const now = this.ctx.now().toISOString();
      const { id } = this.ctx.db
        .prepare(
          `INSERT INTO action_plans (provider_id, year, title, variant, version, revises_id, status, created_at, status_changed_at)
                  VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id`,
        )
        .get(
          plan.providerId,
          plan.year,
          plan.title,
          plan.variant,
          plan.version + 1,
          plan.id,
          now,
          now,
        ) as { id: number };
      this.ctx.db
        .prepare(
          `INSERT INTO plan_rows (plan_id, ref, description, kind, fields, records, due_date, error_type, cause)
                  SELECT ?, ref, description, kind, fields, records, due_date, error_type, cause FROM plan_rows WHERE plan_id = ? ORDER BY ref`,
        )
        .run(id, plan.id);
      this.ctx.db
        .prepare('UPDATE action_plans SET revised_by_id = ? WHERE id = ?')
        .run(id, plan.id);
      this.ctx.audit.append({
        action: 'plan.revised',
        subject: `plan:${plan.id}`,
        details: { newPlan: id, version: plan.version + 1, note: note ?? null },
      });
      return this.load(id);
    });
  }

  get(planId: number): ActionPlan {
    return read(this.ctx, () => this.load(planId));
  }

  list(filter: { upin?: string; year?: string } = {}): ActionPlan[] {
    return read(this.ctx, () => {
      const rows = this.ctx.db
        .prepare(
          `${PLAN_SELECT} WHERE (@upin IS NULL OR v.upin = @upin) AND (@year IS NULL OR p.year = @year) ORDER BY p.id`,
        )
        .all({ upin: filter.upin ?? null, year: filter.year ?? null }) as PlanDbRow[];
      return rows.map((r) => this.withRows(r));
    });
  }

  /** The row a file is built against: the plan must be approved, current, and the kind must match. */
  approvedRow(
    planId: number,
    ref: number,
    kind: AmendmentKind,
  ): { plan: ActionPlan; row: PlanRow } {
    const plan = this.load(planId);
    const row = plan.rows.find((r) => r.ref === ref);
    if (!row)
      throw new StoreError('NOT_FOUND', `Plan ${planId} has no row with reference number ${ref}.`);
    if (plan.status !== 'approved') {
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${planId} is ${plan.status}, not approved: HEFCE accepts amendment files only against an approved action plan.`,
      );
    }
    if (plan.revisedById !== null) {
      throw new StoreError(
        'INVALID_STATE',
        `Plan ${planId} has been revised as plan ${plan.revisedById}; build against the approved revision.`,
      );
    }
    if (row.kind !== kind) {
      throw new StoreError(
        'INVALID_INPUT',
        `Row ${ref} of plan ${planId} is a ${row.kind} area of difference; this is a ${kind} file.`,
      );
    }
    return { plan, row };
  }

  /** Inside a transaction or a read: the plan with its rows, or NOT_FOUND. */
  load(planId: number): ActionPlan {
    const r = this.ctx.db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(planId) as
      PlanDbRow | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no action plan ${planId}.`);
    return this.withRows(r);
  }

  private withRows(r: PlanDbRow): ActionPlan {
    const rows = (
      this.ctx.db
        .prepare('SELECT * FROM plan_rows WHERE plan_id = ? ORDER BY ref')
        .all(r.id) as RowDbRow[]
    ).map(toRow);
    return {
      id: r.id,
      providerId: r.provider_id,
      upin: r.upin,
      year: r.year,
      title: r.title,
      variant: r.variant,
      version: r.version,
      revisesId: r.revises_id,
      revisedById: r.revised_by_id,
      status: r.status,
      statusNote: r.status_note,
      createdAt: r.created_at,
      statusChangedAt: r.status_changed_at,
      rows,
      steps: this.steps.list(r.id),
    };
  }
}

function pastTense(action: PlanAction): string {
  return { submit: 'submitted', approve: 'approved', return: 'returned', revise: 'revised' }[
    action
  ];
}
