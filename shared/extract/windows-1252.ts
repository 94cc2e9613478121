// Windows-1252 ("ANSI"), the encoding Excel and older MIS exports write and HEFCE's loaders read,
// by one table. Neither Node's 'latin1' nor every platform's TextDecoder('windows-1252') gets
// 0x80-0x9F right (€ and the smart quotes live there), so the table is ours.

/**
 * The characters at 0x80-0x9F. The five bytes Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D)
 * read as the control characters with the same number, as browsers' decoders read them.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const UNDEFINED = '\u0081\u008d\u008f\u0090\u009d';

/** Byte → UTF-16 code unit, for all 256 bytes. */
const TO_TEXT = Uint16Array.from({ length: 256 }, (_, b) =>
  b >= 0x80 && b < 0xa0 ? HIGH.charCodeAt(b - 0x80) : b,
);

/** The characters of 0x80-0x9F → their byte (the undefined five are not characters, so absent). */
const TO_BYTE = new Map<number, number>(
  [...HIGH]
    .map((ch, i) => [ch.charCodeAt(0), 0x80 + i] as [number, number])
    .filter(([c]) => !UNDEFINED.includes(String.fromCharCode(c))),
);

/** Whether Windows-1252 can hold `ch` (its first UTF-16 unit is what is looked at). */
export function isWindows1252(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x80 || (c >= 0xa0 && c <= 0xff) || TO_BYTE.has(c);
}

/** Large enough to be quick, small enough for String.fromCharCode's argument limit. */
const RUN = 1 << 13;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, RUN));
  for (let at = 0; at < bytes.length; at += RUN) {
    const n = Math.min(RUN, bytes.length - at);
    for (let i = 0; i < n; i++) units[i] = TO_TEXT[bytes[at + i] as number] as number;
    // apply takes any array-like; spreading a typed array of thousands is much slower.
    parts.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

/** Text → Windows-1252 bytes; a character it cannot hold becomes '?', as Windows writes it. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (TO_BYTE.get(c) ?? 0x3f);
  }
  return out;
}
