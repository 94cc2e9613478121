// Dates as people in England write them (dd/mm/yyyy), whatever the computer's own settings.
import { parseIsoDate } from '../../shared/domain';
import { REGULATOR_TIME_ZONE } from '../../shared/dates';

const two = (n: number) => String(n).padStart(2, '0');

/** "2019-04-03" → "03/04/2019"; anything else is shown as it came, rather than hidden. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '';
  const d = parseIsoDate(iso);
  return d ? `${two(d.day)}/${two(d.month)}/${d.year}` : iso;
}

/** An instant (ISO timestamp) as dd/mm/yyyy HH:MM on the Europe/London clock. */
export function formatDateTime(instant: string, timeZone = REGULATOR_TIME_ZONE): string {
  const t = new Date(instant);
  if (Number.isNaN(t.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i += 1;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[i]}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "2019-04-03" → "3rd Apr 2019", as the Ofqual Data Portal writes its due dates. */
export function formatPortalDate(iso: string | null): string {
  if (iso === null) return '';
  const d = parseIsoDate(iso);
  return d ? `${ordinal(d.day)} ${MONTHS[d.month - 1] ?? ''} ${d.year}` : iso;
}
