// A reporting schedule kept in a spreadsheet, for portals ReturnDesk cannot reach: one data
// request per row with its reporting period, template, due date and optionally its opening date
// (none, or a blank cell: the collection opens on the due date) and the destination's name. Dates
// as the portal writes them ("3rd Apr 2019"), as Excel saves them in England (03/04/2019) or as
// YYYY-MM-DD. Every problem is named by its row; none is guessed.
import Papa from 'papaparse';
import { isRealDate } from '../../shared/amd/model';

export interface ScheduleRow {
  period: string;
  template: string;
  /** Null: the collection opens on the due date (the store's collectionOpens). */
  opens: string | null;
  due: string;
  destination: string | null;
}

const HEADINGS: Record<keyof ScheduleRow, readonly string[]> = {
  period: ['reporting period', 'period'],
  template: ['template'],
  opens: ['opens', 'collection opens', 'opening date', 'open date'],
  due: ['due', 'due date'],
  destination: ['destination'],
};

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** YYYY-MM-DD, or undefined when the text is not a real date in a form we read. */
export function readScheduleDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\s+(\d{4})$/.exec(t))) {
    const month = MONTHS.indexOf((match[2] ?? '').slice(0, 3).toLowerCase() as 'jan');
    if (month < 0) return undefined;
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return undefined;
  if (!isRealDate(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function readSchedule(
  text: string,
): { ok: true; rows: ScheduleRow[] } | { ok: false; problems: string[] } {
  const [head = [], ...body] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
  }).data;
  const index = new Map(head.map((h, i) => [h.trim().toLowerCase(), i]));
  const column = (key: keyof ScheduleRow) =>
    HEADINGS[key].map((h) => index.get(h)).find((i) => i !== undefined);
  const missing = (['period', 'template', 'due'] as const).filter((k) => column(k) === undefined);
  if (missing.length > 0)
    return {
      ok: false,
      problems: [
        `The schedule's first row must name the columns Reporting period, Template and Due (and optionally Opens and Destination); ${missing.map((k) => HEADINGS[k][0]).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
      ],
    };
  const problems: string[] = [];
  const rows: ScheduleRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const get = (k: keyof ScheduleRow) => {
      const c = column(k);
      return c === undefined ? '' : (cells[c] ?? '').trim();
    };
    const [period, template] = [get('period'), get('template')];
    // A blank opening date is no date given; anything else must be one.
    const opensGiven = get('opens') !== '';
    const [opens, due] = [
      opensGiven ? readScheduleDate(get('opens')) : null,
      readScheduleDate(get('due')),
    ];
    if (!period || !template)
      problems.push(`Row ${row}: give both the reporting period and the template.`);
    if (opens === undefined)
      problems.push(
        `Row ${row}: the opening date '${get('opens')}' is not a date (use YYYY-MM-DD or 03/04/2019, or leave it blank when the collection opens on the due date).`,
      );
    if (!due)
      problems.push(
        `Row ${row}: the due date '${get('due')}' is not a date (use YYYY-MM-DD or 03/04/2019).`,
      );
    if (opens && due && due < opens)
      problems.push(`Row ${row}: ${template} is due before its collection opens.`);
    if (period && template && opens !== undefined && due)
      rows.push({ period, template, opens, due, destination: get('destination') || null });
  });
  if (problems.length === 0 && rows.length === 0)
    problems.push('The schedule has no requests below its heading row.');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
