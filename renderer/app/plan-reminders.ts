// Desktop reminders of action plan dates: once when a row's date is 7 days away and once when it
// is 1 day away. Rows come from the dashboard's 'plan-due' items (approved, current plans whose
// files are not all accepted). What was shown is remembered, so reloads and other windows do not
// repeat it; a row first seen at 5 days still gets its 7-day reminder, then its 1-day one.
import type { DashboardItem } from '../../shared/ipc/views';
import { daysBetween, plural } from '../../shared/history/wording';
import { parseIsoDate } from '../../shared/domain';

export const REMINDER_DAYS = [7, 1] as const;
export type Threshold = (typeof REMINDER_DAYS)[number];

/** Reminder key → the day (YYYY-MM-DD) it was shown. */
export type ShownReminders = Record<string, string>;

export interface Reminder {
  key: string;
  title: string;
  body: string;
  link: string;
}

export const reminderKey = (item: DashboardItem, threshold: Threshold): string =>
  `${item.link}|${item.title}|${item.due ?? ''}|${threshold}`;

/** The nearest threshold already reached, or null when the date is further off or has passed. */
export function thresholdFor(days: number): Threshold | null {
  if (days < 0) return null;
  if (days <= 1) return 1;
  if (days <= 7) return 7;
  return null;
}

function when(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${plural(days, 'day')}`;
}

export function dueReminders(
  items: readonly DashboardItem[],
  today: string,
  shown: ShownReminders,
): Reminder[] {
  const t = parseIsoDate(today);
  if (!t) return [];
  const out: Reminder[] = [];
  for (const item of items) {
    if (item.kind !== 'plan-due' || item.due === null) continue;
    const due = parseIsoDate(item.due);
    if (!due) continue;
    const days = daysBetween(t, due);
    const threshold = thresholdFor(days);
    if (threshold === null) continue;
    const key = reminderKey(item, threshold);
    if (shown[key]) continue;
    out.push({
      key,
      title: `Amended data due ${when(days)}`,
      body: `${item.title}. ${item.detail}`,
      link: item.link,
    });
  }
  return out;
}

/** Records what was shown today, and forgets entries older than 60 days so the store stays small. */
export function remember(
  shown: ShownReminders,
  reminders: readonly Reminder[],
  today: string,
): ShownReminders {
  const t = parseIsoDate(today);
  const kept = Object.entries(shown).filter(([, day]) => {
    const d = parseIsoDate(day);
    return t && d ? daysBetween(d, t) <= 60 : false;
  });
  return Object.fromEntries([...kept, ...reminders.map((r) => [r.key, today] as const)]);
}

export const STORAGE_KEY = 'returndesk.planReminders';

export function parseShown(raw: string | null): ShownReminders {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}
