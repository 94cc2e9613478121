// Splits an extract's text into rows of values, a piece of text at a time. The rules, for every door:
// - a row ends at CRLF, LF or a lone CR (Excel on a Mac), wherever the text was cut into pieces;
// - a value that starts with a double quote is quoted: it may hold the separator, line breaks, and
//   "" for one quote; spaces after its closing quote are dropped; anything else there is an error;
// - a quote anywhere else in a value is just a character (Excel writes `5'6"` like that);
// - a quoted value whose closing quote never comes is an error naming the line it starts on;
// - rows whose values are all blank (an empty line, `,,,` as Excel leaves below a table) are skipped;
// - every value is kept as written: no trimming, no numbers, so 00123 and 9.91E+12 stay text.

/** A fault in the extract's text, with the line (from 1) where it is. */
export class ExtractFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = '"';
const [SEARCH_QUOTE, SEARCH_LF, SEARCH_CR, SEARCH_DELIMITER] = [0, 1, 2, 3];
/** No more text now: wait for the next piece. */
const MORE = null;

export class RowSplitter {
  private text = '';
  private at = 0;
  /** The line `at` is on. */
  private line = 1;
  /**
   * Where each searched character (quote, LF, CR, separator) was last found, and from where, so
   * a row never searches the rest of the piece again.
   */
  private readonly chars: string[];
  private readonly from = [0, 0, 0, 0];
  private readonly found = [-1, -1, -1, -1];

  constructor(readonly delimiter: string) {
    this.chars = [QUOTE, '\n', '\r', delimiter];
  }

  /** Adds a piece of text; gives the rows it completes. */
  write(text: string, limit = Infinity): string[][] {
    this.text = this.at < this.text.length ? this.text.slice(this.at) + text : text;
    this.at = 0;
    this.found.fill(-1);
    return this.take(false, limit);
  }

  /** The text has all been written; gives the rows still held. */
  end(limit = Infinity): string[][] {
    return this.take(true, limit);
  }

  private take(ended: boolean, limit: number): string[][] {
    const rows: string[][] = [];
    while (rows.length < limit) {
      const row = this.row(ended);
      if (row === MORE) break;
      if (!row.every(isBlank)) rows.push(row);
    }
    return rows;
  }

  /** The next row, or MORE when it is not all here yet. */
  private row(ended: boolean): string[] | typeof MORE {
    const t = this.text;
    const start = this.at;
    if (start >= t.length) return MORE;
    const lineEnd = this.lineBreak(start);
    if (this.next(SEARCH_QUOTE, start) >= lineEnd) {
      // The usual row, with no quote in it.
      const after = this.pastBreak(lineEnd, ended);
      if (after === MORE) return MORE;
      this.at = after;
      this.line++;
      return t.slice(start, lineEnd).split(this.delimiter);
    }
    const values: string[] = [];
    let lines = 0;
    let p = start;
    for (;;) {
      if (t[p] === QUOTE) {
        const quoted = this.quoted(p, ended, this.line + lines);
        if (quoted === MORE) return MORE;
        values.push(quoted.value);
        lines += quoted.lines;
        p = quoted.end;
      } else {
        const end = Math.min(this.next(SEARCH_DELIMITER, p), this.lineBreak(p));
        if (end >= t.length && !ended) return MORE;
        values.push(t.slice(p, end));
        p = end;
      }
      if (t[p] === this.delimiter) {
        p++;
        continue;
      }
      if (p < t.length && t[p] !== '\n' && t[p] !== '\r') {
        throw new ExtractFormatError(
          this.line + lines,
          `Line ${this.line + lines} has text after the closing quote of a quoted value; a quote inside a quoted value must be doubled ("").`,
        );
      }
      const after = this.pastBreak(p, ended);
      if (after === MORE) return MORE;
      this.at = after;
      this.line += lines + 1;
      return values;
    }
  }

  /** The quoted value starting at `open`: its text, where it ends, and the line breaks in it. */
  private quoted(
    open: number,
    ended: boolean,
    line: number,
  ): { value: string; end: number; lines: number } | typeof MORE {
    const t = this.text;
    let value = '';
    let from = open + 1;
    for (;;) {
      const q = this.next(SEARCH_QUOTE, from);
      if (q >= t.length) {
        if (!ended) return MORE;
        throw new ExtractFormatError(
          line,
          `Line ${line} has a quote that is never closed; check the extract in a text editor.`,
        );
      }
      value += t.slice(from, q);
      if (t[q + 1] === QUOTE) {
        value += QUOTE;
        from = q + 2;
        continue;
      }
      let end = q + 1;
      while (t[end] === ' ') end++;
      // At the end of the piece, what comes next decides: the second quote of "", or more spaces.
      if (end >= t.length && !ended) return MORE;
      return { value, end, lines: lineBreaks(value) };
    }
  }

  /** Where the row after a line break at `p` starts (`p` is the text's end when no break is left). */
  private pastBreak(p: number, ended: boolean): number | typeof MORE {
    const t = this.text;
    if (p >= t.length) return ended ? p : MORE;
    // A CR at the end of a piece may be the first half of CRLF.
    if (t[p] === '\r' && p + 1 >= t.length && !ended) return MORE;
    return t[p] === '\r' && t[p + 1] === '\n' ? p + 2 : p + 1;
  }

  private lineBreak(p: number): number {
    return Math.min(this.next(SEARCH_LF, p), this.next(SEARCH_CR, p));
  }

  /** The first of a searched character at or after `p` (the text's length if none). */
  private next(which: number, p: number): number {
    const seen = this.found[which] as number;
    if ((this.from[which] as number) <= p && p <= seen) return seen;
    const i = this.text.indexOf(this.chars[which] as string, p);
    const at = i < 0 ? this.text.length : i;
    this.from[which] = p;
    this.found[which] = at;
    return at;
  }
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

/** Line breaks inside a value: CRLF counts once. */
function lineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
