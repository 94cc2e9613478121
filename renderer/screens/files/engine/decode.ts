// Reading the bytes of a file the user chose, the way college files arrive: UTF-8 with or without
// a byte-order mark, or Windows-1252 from Excel and older MIS exports. Detection: BOM → strict
// UTF-8 → Windows-1252. Chromium's TextDecoder('windows-1252') is the WHATWG table, so € and smart
// quotes come out right; some Node versions decode it as Latin-1 instead, so bytes 0x80-0x9F are
// mapped here as well, which changes nothing where the decoder already got them right.

export type TextEncodingName = 'UTF-8 with BOM' | 'UTF-8' | 'UTF-16' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export interface DecodeOptions {
  /** Keep a UTF-8 byte-order mark as U+FEFF, so the amendment-file validator can warn about it. */
  keepBom?: boolean;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Windows-1252's characters for bytes 0x80-0x9F; the five it leaves undefined stay as they are. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function windows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c)
    : text;
}

export function decodeBytes(bytes: Uint8Array, o: DecodeOptions = {}): DecodedText {
  if (hasUtf8Bom(bytes)) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { text: o.keepBom ? text : text.slice(1), encoding: 'UTF-8 with BOM' };
  }
  // Excel's "Unicode text" export: UTF-16 with its own mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(bytes), encoding: 'UTF-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** Plain words for the extract step: what was detected, and why it matters. */
export function describeEncoding(e: TextEncodingName): string {
  switch (e) {
    case 'UTF-8 with BOM':
      return 'UTF-8 (with a byte-order mark, as Excel writes it)';
    case 'UTF-8':
      return 'UTF-8';
    case 'UTF-16':
      return 'UTF-16 (Excel’s “Unicode text”)';
    case 'Windows-1252':
      return 'Windows-1252 (“ANSI”, as Excel and older MIS exports write it)';
  }
}

/** Reads a Blob in slices, reporting the bytes read so far. */
export async function readBlob(
  blob: Blob,
  onProgress: (done: number, total: number) => void,
  slice = 4 << 20,
): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  for (let at = 0; at < blob.size; at += slice) {
    const part = new Uint8Array(await blob.slice(at, at + slice).arrayBuffer());
    out.set(part, at);
    onProgress(Math.min(at + slice, blob.size), blob.size);
  }
  if (blob.size === 0) onProgress(0, 0);
  return out;
}
