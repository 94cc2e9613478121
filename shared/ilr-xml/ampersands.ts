// "Brown & Co" written without &amp; is the commonest way an exported ILR file stops being XML.
// saxes 6 reads a bare & as the start of an entity name up to the next ';', wherever that is: it
// reports the error lines later (or as an unclosed tag at the end) and buffers everything in
// between, so a file with no ';' after the & would be held whole. This scanner finds such an &
// before saxes sees it, skipping comments, CDATA sections and processing instructions, where a
// bare & is allowed. Everything it looks for is rare in ILR files, so it costs a few indexOf calls
// per chunk.

/** A reference is complete, or could still become one with more text. */
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;
const REFERENCE_PREFIX = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]*|#x[0-9A-Fa-f]*)?$/y;
/** No entity name in an ILR file comes near this; waiting longer would only hold text back. */
const LONGEST_REFERENCE = 64;

const SECTIONS: readonly (readonly [open: string, close: string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
];

export interface ScanResult {
  /** Index of the first & that starts no reference, if there is one. */
  bare?: number;
  /** Text from here on cannot be judged yet: hold it back and scan it with the next chunk. */
  holdFrom: number;
}

export class AmpersandScanner {
  /** The terminator of the comment, CDATA section or processing instruction we are inside. */
  private closeWith: string | null = null;

  /** Scans `s`, the held-back text followed by the new chunk; `last` says no more text follows. */
  scan(s: string, last = false): ScanResult {
    let i = 0;
    let amp = -2;
    let bang = -2;
    let pi = -2;
    for (;;) {
      if (this.closeWith !== null) {
        const end = s.indexOf(this.closeWith, i);
        if (end < 0) {
          // Keep just enough to recognise a terminator split across two chunks.
          return { holdFrom: last ? s.length : Math.max(i, s.length - this.closeWith.length + 1) };
        }
        i = end + this.closeWith.length;
        this.closeWith = null;
      }
      if (amp !== -1 && amp < i) amp = s.indexOf('&', i);
      if (bang !== -1 && bang < i) bang = markup(s, '!', i);
      if (pi !== -1 && pi < i) pi = markup(s, '?', i);
      let next = amp;
      if (bang >= 0 && (next < 0 || bang < next)) next = bang;
      if (pi >= 0 && (next < 0 || pi < next)) next = pi;
      if (next < 0) {
        // A '<' at the very end may begin '<!' or '<?'.
        return { holdFrom: !last && s.endsWith('<') ? s.length - 1 : s.length };
      }
      if (next === amp) {
        REFERENCE.lastIndex = next;
        if (REFERENCE.test(s)) {
          i = REFERENCE.lastIndex;
          continue;
        }
        REFERENCE_PREFIX.lastIndex = next;
        if (!last && s.length - next < LONGEST_REFERENCE && REFERENCE_PREFIX.test(s)) {
          return { holdFrom: next };
        }
        return { bare: next, holdFrom: next };
      }
      if (next === pi) {
        this.closeWith = '?>';
        i = next + 2;
        continue;
      }
      const section = SECTIONS.find(([open]) => s.startsWith(open, next));
      if (section) {
        this.closeWith = section[1];
        i = next + section[0].length;
        continue;
      }
      const rest = s.slice(next, next + 9);
      if (!last && SECTIONS.some(([open]) => open.startsWith(rest))) return { holdFrom: next };
      // <!DOCTYPE and the like: nothing to skip.
      i = next + 2;
    }
  }
}

/**
 * Index of the next '<' followed by `mark` ('!' or '?') from `from`. Searching for the rare mark
 * and looking back is several times faster than searching for '<!', since '<' starts every tag.
 */
function markup(s: string, mark: string, from: number): number {
  let k = s.indexOf(mark, from + 1);
  while (k !== -1 && s.charCodeAt(k - 1) !== 0x3c) k = s.indexOf(mark, k + 1);
  return k === -1 ? -1 : k - 1;
}
