// The action plan rules the screens show, apart from their drawing: the status in HEFCE's words,
// which lifecycle buttons apply, the chain of versions, and where a row's file is built.
import type { ActionPlan, PlanRow, PlanVariant, Provider } from '../../../shared/history/types';
import type { PlanAction, PlanStatus } from '../../../shared/history/lifecycle';
import { PLAN_TRANSITIONS } from '../../../shared/history/lifecycle';
import { planStatusWording } from '../../../shared/history/plan-wording';

import type { StatusColor } from '../../components/StatusBadge';

export type BadgeColor = StatusColor;

export const PLAN_STATUS: Record<PlanStatus, { label: string; color: BadgeColor }> = {
  draft: { label: 'Draft', color: 'informative' },
  // ReturnDesk does not send plans: the user marks what they and HEFCE did.
  submitted: { label: 'Marked as submitted', color: 'warning' },
  approved: { label: 'Marked as approved', color: 'success' },
  returned: { label: 'Marked as returned', color: 'danger' },
};

export const VARIANT_LABEL: Record<PlanVariant, string> = {
  general: 'General ILR amendments',
  heifes: 'HEIFES re-creation (Table 6)',
};

export function planName(plan: Pick<ActionPlan, 'id' | 'title'>): string {
  return `Plan ${plan.id}: ${plan.title}`;
}

/** Buttons the lifecycle allows now, in the order they are shown. A revised plan is history. */
export function availableActions(plan: ActionPlan): PlanAction[] {
  if (plan.revisedById !== null) return [];
  const order: PlanAction[] = ['submit', 'approve', 'return', 'revise'];
  return order.filter((a) => PLAN_TRANSITIONS[a].from.includes(plan.status));
}

/** Why a shown action cannot be done yet; the store would refuse it with the same reason. */
export function actionBlocked(plan: ActionPlan, action: PlanAction): string | null {
  if (action === 'submit' && plan.rows.length === 0)
    return 'Add at least one area of difference before submitting the plan.';
  return null;
}

export const ACTION_LABEL: Record<PlanAction, string> = {
  submit: 'Mark as submitted…',
  approve: 'Mark as approved…',
  return: 'Mark as returned…',
  revise: 'Revise plan…',
};

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

export const ACTION_DONE: Record<PlanAction, (p: ActionPlan) => string> = {
  submit: (p) =>
    `Plan ${p.id}: ${lowerFirst(planStatusWording(p))}. Record HEFCE's answer here when it comes: approved or returned.`,
  approve: (p) =>
    `Plan ${p.id}: ${lowerFirst(planStatusWording(p))}. Amendment files can now be built against its rows.`,
  return: (p) =>
    `Plan ${p.id}: ${lowerFirst(planStatusWording(p))}. Revise it to make a new version for HEFCE.`,
  revise: (p) =>
    `Plan ${p.id} is version ${p.version}, a draft copy of the previous version. Change its rows, then submit it.`,
};

/** Rows can be changed only in a draft: a submitted plan is evidence and stays as sent. */
export const canEditRows = (plan: ActionPlan): boolean => plan.status === 'draft';

/** HEFCE accepts files only against an approved plan that has not been revised since. */
export const canBuildFiles = (plan: ActionPlan): boolean =>
  plan.status === 'approved' && plan.revisedById === null;

export const buildFileHref = (planId: number, ref: number): string =>
  `#/files/new?plan=${planId}&ref=${ref}`;

/** Every version of the plan, oldest first, following revisesId back and revisedById forward. */
export function versionChain(plan: ActionPlan, all: readonly ActionPlan[]): ActionPlan[] {
  const byId = new Map(all.map((p) => [p.id, p]));
  byId.set(plan.id, plan);
  const chain: ActionPlan[] = [plan];
  const seen = new Set([plan.id]);
  for (let p = plan; p.revisesId !== null;) {
    const prev = byId.get(p.revisesId);
    if (!prev || seen.has(prev.id)) break;
    chain.unshift(prev);
    seen.add(prev.id);
    p = prev;
  }
  for (let p = plan; p.revisedById !== null;) {
    const next = byId.get(p.revisedById);
    if (!next || seen.has(next.id)) break;
    chain.push(next);
    seen.add(next.id);
    p = next;
  }
  return chain;
}

/** The newest version, the one to work on. */
export const latestVersion = (plan: ActionPlan, all: readonly ActionPlan[]): ActionPlan =>
  versionChain(plan, all).at(-1) ?? plan;

export interface ProviderPlans {
  provider: Pick<Provider, 'upin' | 'name'>;
  plans: ActionPlan[];
}

/** One group per provider (with or without plans), newest plan first within each. */
export function plansByProvider(
  providers: readonly Provider[],
  plans: readonly ActionPlan[],
): ProviderPlans[] {
  const groups: ProviderPlans[] = providers.map((provider) => ({
    provider,
    plans: plans.filter((p) => p.upin === provider.upin).sort((a, b) => b.id - a.id),
  }));
  // A plan whose provider is not listed (should not happen) is still shown rather than hidden.
  const known = new Set(providers.map((p) => p.upin));
  for (const plan of plans) {
    if (known.has(plan.upin)) continue;
    known.add(plan.upin);
    groups.push({
      provider: { upin: plan.upin, name: `Provider ${plan.upin}` },
      plans: plans.filter((p) => p.upin === plan.upin).sort((a, b) => b.id - a.id),
    });
  }
  return groups;
}

/** The HEIFES variant's error types, for the plan's ILR year and the two before it. */
export function errorTypes(year: string): string[] {
  const m = /^(\d{4})-\d{2}$/.exec(year);
  const first = m ? Number(m[1]) : 2010;
  const ilr = [0, 1, 2].map((back) => {
    const y = first - back;
    return `${y}-${String((y + 1) % 100).padStart(2, '0')} ILR`;
  });
  return [...ilr, 'HEIFES', 'HEFCE', 'LAD'];
}

export const ERROR_TYPE_HINT: Record<string, string> = {
  HEIFES: 'the HEIFES return itself',
  HEFCE: "a problem of fit with HEFCE's algorithms",
  LAD: 'the Learning Aims Database',
};

export const KIND_HINT: Record<PlanRow['kind'], string> = {
  CHANGE: 'Corrects field values of records already returned',
  ADD: 'Adds records left out of the return',
  DELETE: 'Removes records included by mistake',
};
