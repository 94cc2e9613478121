// The dashboard's rules apart from its drawing: which rows go on which tab, the badge colour for
// each tone, and what an empty tab says.
import type { DashboardItem, DashboardTab } from '../../../shared/ipc/views';
import type { Output } from '../../../shared/ipc/contract';

export type BadgeColor = 'informative' | 'warning' | 'danger' | 'success';

export function badgeColor(tone: DashboardItem['tone']): BadgeColor {
  return tone === 'neutral' ? 'informative' : tone;
}

/** Rows for one tab, in the order main sent them (most urgent first, then by due date). */
export function itemsOn(items: readonly DashboardItem[], tab: DashboardTab): DashboardItem[] {
  return items.filter((i) => i.tab === tab);
}

export function tabLabel(tab: DashboardTab, count: number): string {
  return `${tab === 'current' ? 'Current' : 'Previous'} (${count})`;
}

export const EMPTY_TEXT: Record<DashboardTab, { title: string; body: string }> = {
  current: {
    title: 'Nothing needs doing now.',
    body: "Action plan dates coming due or passed, files and batches waiting to be uploaded, uploads pending verification, accepted batches waiting for HEFCE's updated outputs or your confirmation of their impact, and failures that need action will be listed here.",
  },
  previous: {
    title: 'Nothing has been completed yet.',
    body: 'Plan rows whose files were accepted, batches whose impact was confirmed (or found not as expected) and accepted uploads will be listed here.',
  },
};

/**
 * What a check for verification results did, from main's own per-destination account: a
 * destination the server was not asked about (no password, refused, unreachable) is said to be
 * uncheckable, never "still being checked".
 */
export function refreshOutcome(r: Output<'uploads.refresh'>): {
  intent: 'success' | 'warning';
  lines: string[];
} {
  if (r.destinations.length === 0)
    return { intent: 'success', lines: ['Nothing is pending verification.'] };
  const lines = r.destinations.map((d) => d.message);
  if (r.changed > 0)
    lines.unshift(
      r.changed === 1
        ? '1 upload has a new status. The table below is up to date.'
        : `${r.changed} uploads have a new status. The table below is up to date.`,
    );
  const cannot = r.destinations.some((d) => d.outcome === 'cannot-check');
  return { intent: cannot ? 'warning' : 'success', lines };
}
