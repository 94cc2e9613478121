// Which separator an extract uses, decided once from its header row, by one rule for every door.
import { ExtractFormatError, RowSplitter } from './rows';

/** Comma normally; semicolon from some locales' Excel; tab from "Text (tab delimited)"; | from some MIS. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator that splits the first row into the most values, reading it cleanly (quotes
 * closed); a tie goes to the earlier in DELIMITERS, and a row none of them splits means comma.
 * Undefined while the first row is not all here yet (`ended` false). The header row alone is
 * enough: column names (ILR codes, or the MIS's own) rarely hold a separator, and then quoted.
 */
export function detectDelimiter(text: string, ended = true): Delimiter | undefined {
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    let first: string[] | undefined;
    try {
      const rows = new RowSplitter(d);
      first = rows.write(text, 1)[0] ?? (ended ? rows.end(1)[0] : undefined);
    } catch (e) {
      if (e instanceof ExtractFormatError) continue;
      throw e;
    }
    if (!first && !ended) return undefined;
    if (first && first.length > most) {
      best = d;
      most = first.length;
    }
  }
  return best;
}
