// Regulators count calendar days in England, whatever the computer's own zone: a return due
// "today" is due on the Europe/London date, across clock changes.
import type { CalendarDate } from './amd/model';

export const REGULATOR_TIME_ZONE = 'Europe/London';

export function calendarDateIn(instant: Date, timeZone = REGULATOR_TIME_ZONE): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}
