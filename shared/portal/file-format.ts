// The regulator's published file-format specification (Ofqual's "file format" CSV): one row per
// column with its Name, Description, Position and Validation Regular Expression; other columns
// are ignored. A specification that cannot be applied safely is refused with the reason.

export interface ColumnSpec {
  name: string;
  description: string;
  /** 1-based position in the data file. */
  position: number;
  /** The expression as published. */
  pattern: string;
  /** Applied to the whole value. */
  regex: RegExp;
}

export interface FileFormat {
  columns: ColumnSpec[];
}

export type FileFormatResult = { ok: true; format: FileFormat } | { ok: false; problems: string[] };

import { expressionRisk } from './expression-risk';
import type { ExpressionRisk } from './expression-risk';

const REQUIRED = ['name', 'description', 'position', 'validation regular expression'] as const;

/**
 * Why an expression that can take exponential time on a value that almost matches is refused (see
 * expression-risk.ts): it could freeze the check until a time limit stops it.
 */
const RISKS: Record<ExpressionRisk, string> = {
  'nested-repeat':
    'repeats a repeated group (as (a+)+ or (\\w+\\s?)* do), which can take unbounded time to check',
  'overlapping-choice':
    'repeats a choice whose options can start with the same character (as (a|aa)+ does), which can take unbounded time to check',
};

export function parseFileFormat(rows: readonly (readonly string[])[]): FileFormatResult {
  const [head = [], ...body] = rows;
  const index = new Map(head.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        `The specification has no ${missing.map((m) => `'${title(m)}'`).join(', ')} column; its first row must name Name, Description, Position and Validation Regular Expression.`,
      ],
    };
  }
  const at = (row: readonly string[], c: (typeof REQUIRED)[number]) =>
    (row[index.get(c) ?? -1] ?? '').trim();
  const problems: string[] = [];
  const columns: ColumnSpec[] = [];
  body.forEach((row, i) => {
    if (row.every((v) => v.trim() === '')) return;
    const where = `Row ${i + 2} of the specification`;
    const name = at(row, 'name');
    // A value past the last heading is what an unquoted comma leaves: ^.{1,200}$ read as ^.{1
    // and 200}$. Taking the row as it stands would check against a truncated expression.
    const extra = row.slice(head.length).filter((v) => v.trim() !== '');
    if (extra.length > 0) {
      problems.push(
        `${where} (${name || 'no name'}) has ${row.length} values but the first row names ${head.length} columns; a value containing a comma, such as the expression ^.{1,200}$, must be in double quotes.`,
      );
      return;
    }
    const pattern = at(row, 'validation regular expression');
    const position = Number(at(row, 'position'));
    if (name === '') problems.push(`${where} has no column name.`);
    if (!Number.isInteger(position) || position < 1)
      problems.push(
        `${where} (${name || 'no name'}): the position '${at(row, 'position')}' is not a whole number from 1.`,
      );
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(`^(?:${pattern === '' ? '[\\s\\S]*' : pattern})$`);
    } catch (e) {
      problems.push(
        `${where} (${name}): the expression ${pattern} is not a valid regular expression (${e instanceof Error ? e.message : String(e)}).`,
      );
    }
    const risk = regex ? expressionRisk(pattern) : null;
    if (risk) {
      regex = undefined;
      problems.push(
        `${where} (${name}): the expression ${pattern} ${RISKS[risk]}; ask the regulator for a simpler form.`,
      );
    }
    if (regex)
      columns.push({ name, description: at(row, 'description'), position, pattern, regex });
  });
  const names = new Set<string>();
  const positions = new Set<number>();
  for (const c of columns) {
    if (names.has(c.name.toLowerCase()))
      problems.push(`The column name ${c.name} appears more than once.`);
    if (positions.has(c.position))
      problems.push(`Position ${c.position} is given to more than one column.`);
    names.add(c.name.toLowerCase());
    positions.add(c.position);
  }
  if (columns.length === 0 && problems.length === 0)
    problems.push('The specification lists no columns.');
  const sorted = [...columns].sort((a, b) => a.position - b.position);
  sorted.forEach((c, i) => {
    if (c.position !== i + 1 && !problems.some((p) => p.includes(`Position ${c.position}`))) {
      problems.push(
        `Positions must run 1, 2, 3, ... with no gaps; ${c.name} is at ${c.position} where ${i + 1} was expected.`,
      );
    }
  });
  return problems.length > 0
    ? { ok: false, problems: [...new Set(problems)] }
    : { ok: true, format: { columns: sorted } };
}

function title(s: string): string {
  return s.replace(/\b\w/g, (c) => c.toUpperCase());
}
