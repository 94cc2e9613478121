// Which encoding a file's bytes are in, and their text, by one rule for every door: a UTF-16 mark
// (Excel's "Unicode text") → UTF-16; bytes that are all strict UTF-8, with or without a
// byte-order mark → UTF-8; anything else → Windows-1252, as Excel saves "CSV" and older MIS
// exports write. Strict means one byte that cannot be UTF-8 decides it: a Windows-1252 file with
// a single "é" must not be read as UTF-8 with a replacement character in it.
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'UTF-8 with BOM' | 'UTF-8' | 'UTF-16' | 'Windows-1252';

export interface DecodeOptions {
  /** Keep a byte-order mark as U+FEFF, so a validator can warn about it. */
  keepBom?: boolean;
  /**
   * Read a UTF-16 mark as UTF-16 (the default). Formats that must never be UTF-16 (ILR XML, the
   * files the command line checks) say false: such bytes then read as Windows-1252 and fail the
   * format's own checks, instead of passing as if they were UTF-8.
   */
  utf16?: boolean;
}

// TextDecoder is standard in browsers, workers and Node alike; shared/'s ES2022 library does not
// declare it, and shared/ may not take the DOM's or Node's types, so only what is used is named.
interface StandardDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type StandardDecoderClass = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => StandardDecoder;
const Decoder = (globalThis as unknown as { TextDecoder: StandardDecoderClass }).TextDecoder;

/** The bytes are not UTF-8: read them again, from the start, as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor() {
    super('The bytes are not UTF-8.');
  }
}

/** Text from bytes that arrive in pieces; a character split between two pieces comes out whole. */
export interface TextDecoding {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** How many first bytes to look at for a mark. */
export const MARK_BYTES = 3;

function utf16Label(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The encoding the first bytes announce, or UTF-8 to be tried (Windows-1252 if that fails). */
export function encodingOf(head: Uint8Array, o: DecodeOptions = {}): TextEncodingName {
  if (o.utf16 !== false && utf16Label(head)) return 'UTF-16';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8 with BOM';
  return 'UTF-8';
}

export function textDecoding(
  encoding: TextEncodingName,
  head: Uint8Array,
  o: DecodeOptions = {},
): TextDecoding {
  if (encoding === 'Windows-1252') return { write: decodeWindows1252, end: () => '' };
  const ignoreBOM = o.keepBom === true;
  if (encoding === 'UTF-16') {
    const d = new Decoder(utf16Label(head) ?? 'utf-16le', { ignoreBOM });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = new Decoder('utf-8', { fatal: true, ignoreBOM });
  const strictly = (decode: () => string) => {
    try {
      return decode();
    } catch (e) {
      // A fatal decoder reports bytes that are not UTF-8 as a TypeError, in browsers and Node.
      if (e instanceof TypeError) throw new NotUtf8Error();
      throw e;
    }
  };
  return {
    write: (b) => strictly(() => d.decode(b, { stream: true })),
    end: () => strictly(() => d.decode()),
  };
}

/** All of a file's bytes at once (a file chosen in the app, or bytes from the history). */
export function decodeBytes(
  bytes: Uint8Array,
  o: DecodeOptions = {},
): { text: string; encoding: TextEncodingName } {
  const encoding = encodingOf(bytes, o);
  try {
    const d = textDecoding(encoding, bytes, o);
    return { text: d.write(bytes) + d.end(), encoding };
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}
