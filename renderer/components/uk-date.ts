// Dates typed as people in England write them, dd/mm/yyyy, whatever the browser's own locale (a
// native date input follows the computer's settings and showed mm/dd/yyyy). Read through the
// shared ddmmyyyy primitive; YYYY-MM-DD is taken too, since it cannot be misread.
import { formatDdMmYyyy, isIsoDate, parseDdMmYyyy, parseIsoDate } from '../../shared/domain';
import { formatIsoDate } from '../../shared/history/wording';

export const UK_DATE_HINT = 'Written dd/mm/yyyy, e.g. 03/04/2019.';

/** "3/4/2019", "03/04/2019", "03-04-2019" or "2019-04-03" → "2019-04-03"; else undefined. */
export function ukDateToIso(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const d = parseDdMmYyyy(`${m[1]?.padStart(2, '0')}${m[2]?.padStart(2, '0')}${m[3]}`);
  return d ? formatIsoDate(d) : undefined;
}

/** "2019-04-03" → "03/04/2019"; anything else as it is. */
export function isoToUkDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const s = formatDdMmYyyy(d);
  return `${s.slice(0, 2)}/${s.slice(2, 4)}/${s.slice(4)}`;
}
