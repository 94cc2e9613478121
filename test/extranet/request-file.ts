// The --requests files: the portal's data requests, as whoever runs the server writes them. Parsed
// with a schema like every other input; a bad file stops the server with one line saying where.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isCalendarDate } from './calendar';

// Messages read after the field's name: "period is missing", "due should be a real date…".
const typed = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is missing' : `should be ${what}`,
});
const calendarDate = z
  .string(typed('a date written YYYY-MM-DD'))
  .refine(isCalendarDate, 'should be a real date written YYYY-MM-DD');
const REQUEST_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const text = z.string(typed('text')).trim().min(1, 'should not be empty').max(200, 'is too long');

// Strict: a misspelt "colums" would otherwise be dropped and the request checked without columns.
const requestEntry = z
  .strictObject({
    id: z
      .string(typed('text'))
      .regex(REQUEST_ID, 'should be lower-case letters, digits and hyphens')
      .optional(),
    area: text,
    period: text,
    template: text,
    /** Left out, the collection opens on the due date (as the Ofqual guide's dashboard counts). */
    opens: calendarDate.optional(),
    due: calendarDate,
    columns: z
      .array(text, typed('a list of column names'))
      .min(1, 'should name at least one column')
      .optional(),
  })
  // Only real dates are compared: a bad one has its own message already.
  .refine(
    (r) =>
      r.opens === undefined ||
      !isCalendarDate(r.opens) ||
      !isCalendarDate(r.due) ||
      r.due >= r.opens,
    {
      message: 'is before opens',
      path: ['due'],
    },
  );

/** One entry of a --requests file, as written in it. */
export type RequestFileEntry = z.input<typeof requestEntry>;

/** An entry read and checked, with its id decided and where it came from for later messages. */
export interface RequestSpec {
  id: string;
  /** The area's name, as the file gives it. */
  area: string;
  period: string;
  template: string;
  /** The due date when the file gives none. */
  opens: string;
  due: string;
  columns: string[] | null;
  /** `--requests FILE: entry N`, to name it in a message. */
  where: string;
}

/** Stops the server with exit code 2; the message is one line. */
export class RequestFileError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
  }
}

/** `june-2019-specificationcodes` from "June 2019" and "SpecificationCodes". */
export function requestSlug(period: string, template: string): string {
  return `${period} ${template}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Reads every file; ids must be unique across all of them. */
export async function readRequestFiles(paths: readonly string[]): Promise<RequestSpec[]> {
  const specs: RequestSpec[] = [];
  for (const path of paths) {
    for (const spec of await readRequestFile(path)) {
      const twin = specs.find((s) => s.id === spec.id);
      if (twin) {
        throw new RequestFileError(
          `${spec.where}: the request id "${spec.id}" is also used by ${twin.where}.`,
        );
      }
      specs.push(spec);
    }
  }
  return specs;
}

async function readRequestFile(path: string): Promise<RequestSpec[]> {
  const name = `--requests ${path}`;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new RequestFileError(
      e instanceof SyntaxError
        ? `${name} is not valid JSON: ${why}`
        : `${name} cannot be read: ${why}`,
    );
  }
  if (!Array.isArray(raw)) {
    throw new RequestFileError(`${name} should hold a JSON array of data requests.`);
  }
  return raw.map((item, i) => {
    const where = `${name}: entry ${i + 1}`;
    const parsed = requestEntry.safeParse(item);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) =>
          issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message,
        )
        .join('; ');
      throw new RequestFileError(`${where}: ${detail}.`);
    }
    const r = parsed.data;
    const id = r.id ?? requestSlug(r.period, r.template);
    if (id === '') {
      throw new RequestFileError(
        `${where}: give it an "id"; none can be made from its period and template.`,
      );
    }
    return {
      id,
      area: r.area,
      period: r.period,
      template: r.template,
      opens: r.opens ?? r.due,
      due: r.due,
      columns: r.columns ?? null,
      where: `${where} (${id})`,
    };
  });
}
