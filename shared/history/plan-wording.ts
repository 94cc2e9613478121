// What a plan's status says, in every door. ReturnDesk does not send plans to HEFCE: the user
// sends them (by e-mail) and records here that they did, so the wording is "Marked as submitted
// on 3 Apr 2019", never "Submitted to HEFCE".
import { parseIsoDate } from '../domain';
import type { ActionPlan, PlanStep } from './types';
import type { PlanStatus } from './lifecycle';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-04-03" → "3 Apr 2019"; anything else as it came. */
export function dayMonthYear(iso: string): string {
  const d = parseIsoDate(iso.slice(0, 10));
  return d ? `${d.day} ${MONTHS[d.month - 1] ?? ''} ${d.year}` : iso;
}

export const STATUS_WORD: Record<PlanStatus, string> = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
  returned: 'returned',
};

/** The step that put the plan where it is now (the newest step not undone), if one was recorded. */
export function currentStep(plan: Pick<ActionPlan, 'steps' | 'status'>): PlanStep | undefined {
  const live = plan.steps.filter((s) => s.undoneAt === null);
  const last = live.at(-1);
  return last && last.to === plan.status ? last : undefined;
}

/** "Draft", "Marked as submitted on 3 Apr 2019", "Marked as approved on 9 Apr 2019". */
export function planStatusWording(
  plan: Pick<ActionPlan, 'steps' | 'status' | 'statusChangedAt'>,
): string {
  if (plan.status === 'draft') return 'Draft';
  // A plan recorded before steps had dates: the day the status was recorded is all there is.
  const date = currentStep(plan)?.date ?? plan.statusChangedAt.slice(0, 10);
  return `Marked as ${STATUS_WORD[plan.status]} on ${dayMonthYear(date)}`;
}

/** What undoing the current step returns the plan to, e.g. "submitted (marked on 3 Apr 2019)". */
export function undoWording(plan: Pick<ActionPlan, 'steps' | 'status'>): string | undefined {
  const step = currentStep(plan);
  if (!step) return undefined;
  const before = plan.steps.filter((s) => s.undoneAt === null && s.id !== step.id).at(-1);
  return step.from === 'draft'
    ? `Undoing this returns the plan to a draft; its rows can be changed again.`
    : `Undoing this returns the plan to submitted${before ? ` (marked as submitted on ${dayMonthYear(before.date)})` : ''}.`;
}
