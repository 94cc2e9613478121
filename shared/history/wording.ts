// Status wording for dates, counted in calendar days in England (see shared/dates): "1 day",
// never "1 days".
import type { CalendarDate } from '../amd/model';

export function dayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "Due in 6 days", "Due today", "Overdue by 56 days". */
export function dueWording(
  today: CalendarDate,
  due: CalendarDate,
): { text: string; overdue: boolean; days: number } {
  const days = daysBetween(today, due);
  if (days > 0) return { text: `Due in ${plural(days, 'day')}`, overdue: false, days };
  if (days === 0) return { text: 'Due today', overdue: false, days };
  return { text: `Overdue by ${plural(-days, 'day')}`, overdue: true, days };
}

/** Line 3 must name the plan's reference number; add it when the user's text does not. */
export function describeForRow(description: string, ref: number): string {
  return new RegExp(`reference number ${ref}\\b`, 'i').test(description)
    ? description
    : `${description} - reference number ${ref}`;
}
