// Amendment files are written in Windows-1252 ("ANSI"), the encoding Notepad and HEFCE's loaders
// of the period read. A character outside it would reach HEFCE as '?' or '_', so the builder
// refuses it instead.

/** The characters Windows-1252 places in 0x80-0x9F (five positions there are undefined). */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

export function isWindows1252(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return true;
  if (c >= 0xa0 && c <= 0xff) return true;
  return CP1252_EXTRA.includes(ch);
}

/** The first character of `text` that Windows-1252 cannot hold, or undefined. */
export function firstNon1252(text: string): string | undefined {
  for (const ch of text) {
    if (!isWindows1252(ch)) return ch;
  }
  return undefined;
}
