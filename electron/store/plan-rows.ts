// The rows of an action plan (HEFCE's areas of difference), editable only while the plan is a
// draft. Reference numbers run 1, 2, 3, ... with no gaps, as in HEFCE's template.
import type { ActionPlan, PlanRow } from '../../shared/history/types';
import { ALL_FIELDS } from '../../shared/history/types';
import type { AmendmentKind } from '../../shared/amd/model';
import { isIsoDate } from '../../shared/domain';
import type { StoreContext } from './context';
import { inTransaction } from './context';
import { StoreError } from './errors';

export interface RowDbRow {
  id: number;
  plan_id: number;
  ref: number;
  description: string;
  kind: AmendmentKind;
  fields: string;
  records: number;
  due_date: string;
  error_type: string | null;
  cause: string | null;
}

export interface NewPlanRow {
  kind: AmendmentKind;
  description: string;
  /** Field codes, or 'all' / "All fields". */
  fields: readonly string[] | 'all';
  records: number;
  due: string;
  errorType?: string | null;
  cause?: string | null;
}

export const toRow = (r: RowDbRow): PlanRow => ({
  id: r.id,
  planId: r.plan_id,
  ref: r.ref,
  description: r.description,
  kind: r.kind,
  fields: r.fields,
  records: r.records,
  due: r.due_date,
  errorType: r.error_type,
  cause: r.cause,
});

function checkRow(input: NewPlanRow): string {
  const fields = normaliseFields(input);
  if (input.description.trim() === '') {
    throw new StoreError(
      'INVALID_INPUT',
      'The description of the area of difference must not be empty.',
    );
  }
  if (!Number.isInteger(input.records) || input.records < 0) {
    throw new StoreError(
      'INVALID_INPUT',
      `The number of records must be a whole number (got ${input.records}).`,
    );
  }
  if (!isIsoDate(input.due))
    throw new StoreError(
      'INVALID_INPUT',
      `The date '${input.due}' is not a real date in YYYY-MM-DD form.`,
    );
  return fields;
}

function requireDraft(plan: ActionPlan, doing: string): void {
  if (plan.status !== 'draft') {
    throw new StoreError(
      'INVALID_STATE',
      `Plan ${plan.id} is ${plan.status}; rows can only be ${doing} a draft. Revise it to make a new version.`,
    );
  }
}

export class PlanRows {
  constructor(
    private readonly ctx: StoreContext,
    private readonly load: (planId: number) => ActionPlan,
  ) {}

  add(planId: number, input: NewPlanRow): PlanRow {
    const fields = normaliseFields(input);
    if (input.description.trim() === '')
      throw new StoreError(
        'INVALID_INPUT',
        'The description of the area of difference must not be empty.',
      );
    if (!Number.isInteger(input.records) || input.records < 0)
      throw new StoreError(
        'INVALID_INPUT',
        `The number of records must be a whole number (got ${input.records}).`,
      );
    if (!isIsoDate(input.due))
      throw new StoreError(
        'INVALID_INPUT',
        `The date '${input.due}' is not a real date in YYYY-MM-DD form.`,
      );
    return inTransaction(this.ctx, () => {
      const plan = this.load(planId);
      if (plan.status !== 'draft') {
        throw new StoreError(
          'INVALID_STATE',
          `Plan ${planId} is ${plan.status}; rows can only be added to a draft. Revise it to make a new version.`,
        );
      }
      const ref = (plan.rows.at(-1)?.ref ?? 0) + 1;
      const r = this.ctx.db
        .prepare(
          `INSERT INTO plan_rows (plan_id, ref, description, kind, fields, records, due_date, error_type, cause)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          planId,
          ref,
          input.description.trim(),
          input.kind,
          fields,
          input.records,
          input.due,
          input.errorType ?? null,
          input.cause ?? null,
        ) as RowDbRow;
      this.ctx.audit.append({
        action: 'plan.row_added',
        subject: `plan:${planId}`,
        details: { ref, kind: input.kind, fields, records: input.records, due: input.due },
      });
      return toRow(r);
    });
  }

  update(planId: number, ref: number, input: NewPlanRow): PlanRow {
    const fields = checkRow(input);
    return inTransaction(this.ctx, () => {
      const plan = this.load(planId);
      requireDraft(plan, 'changed in');
      if (!plan.rows.some((r) => r.ref === ref))
        throw new StoreError('NOT_FOUND', `Plan ${planId} has no row ${ref}.`);
      const r = this.ctx.db
        .prepare(
          `UPDATE plan_rows SET description = ?, kind = ?, fields = ?, records = ?, due_date = ?, error_type = ?, cause = ?
                  WHERE plan_id = ? AND ref = ? RETURNING *`,
        )
        .get(
          input.description.trim(),
          input.kind,
          fields,
          input.records,
          input.due,
          input.errorType ?? null,
          input.cause ?? null,
          planId,
          ref,
        ) as RowDbRow;
      this.ctx.audit.append({
        action: 'plan.row_changed',
        subject: `plan:${planId}`,
        details: { ref, kind: input.kind, fields, records: input.records, due: input.due },
      });
      return toRow(r);
    });
  }

  /** Removes a row; the rows after it move up one, so the numbers stay 1, 2, 3, ... */
  remove(planId: number, ref: number): void {
    inTransaction(this.ctx, () => {
      const plan = this.load(planId);
      requireDraft(plan, 'removed from');
      const row = plan.rows.find((r) => r.ref === ref);
      if (!row) throw new StoreError('NOT_FOUND', `Plan ${planId} has no row ${ref}.`);
      this.ctx.db.prepare('DELETE FROM plan_rows WHERE id = ?').run(row.id);
      // Two steps, because UNIQUE (plan_id, ref) is checked row by row during an UPDATE.
      this.ctx.db
        .prepare('UPDATE plan_rows SET ref = -ref WHERE plan_id = ? AND ref > ?')
        .run(planId, ref);
      this.ctx.db
        .prepare('UPDATE plan_rows SET ref = -ref - 1 WHERE plan_id = ? AND ref < 0')
        .run(planId);
      this.ctx.audit.append({
        action: 'plan.row_removed',
        subject: `plan:${planId}`,
        details: { ref, description: row.description },
      });
    });
  }
}

function normaliseFields(input: NewPlanRow): string {
  if (
    input.fields === 'all' ||
    (input.fields.length === 1 && /^all( fields)?$/i.test(input.fields[0] ?? ''))
  ) {
    if (input.kind === 'CHANGE')
      throw new StoreError(
        'INVALID_INPUT',
        'A CHANGE row must name the fields to be changed, not "All fields".',
      );
    return ALL_FIELDS;
  }
  const list = input.fields.map((f) => f.trim()).filter((f) => f !== '');
  if (input.kind !== 'CHANGE') {
    throw new StoreError(
      'INVALID_INPUT',
      `An ${input.kind} row covers "All fields"; leave the fields out or give 'all'.`,
    );
  }
  if (list.length === 0)
    throw new StoreError(
      'INVALID_INPUT',
      'A CHANGE row must name the fields to be changed (e.g. H14, H15).',
    );
  return list.join(', ');
}
