// Dates as people in England write them (dd/mm/yyyy), whatever the computer's own settings.
import { parseIsoDate } from '../../shared/history/wording';
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
