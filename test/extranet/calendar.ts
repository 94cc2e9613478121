// Calendar dates (YYYY-MM-DD) as the portal counts them: days in Europe/London, whatever the clock of
// the machine the server runs on says, so a request opens at midnight in England in summer and winter.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is written YYYY-MM-DD and names a day that exists (no 2019-02-29). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in England, YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    london.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
