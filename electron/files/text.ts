// Reading text the way college files arrive: UTF-8 with or without a byte-order mark, or
// Windows-1252 from Excel and older MIS exports. Detection: BOM → strict UTF-8 → Windows-1252.
// (Node's 'latin1' and TextDecoder('windows-1252') mangle € and smart quotes; iconv-lite does not.)
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

export function decodeBytes(bytes: Uint8Array): {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
} {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8', bom };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes), 'win1252'),
      encoding: 'windows-1252',
      bom: false,
    };
  }
}

export async function readTextFile(path: string) {
  return decodeBytes(await readFile(path));
}

export function encodeWindows1252(text: string): Buffer {
  return iconv.encode(text, 'win1252');
}

/**
 * 32 KiB reads. Each decoded chunk (at most 64 KB even as a two-byte string) is an ordinary young
 * object that dies young; 1 MiB chunks went to V8's large-object space and piled up as garbage until
 * a full collection, which made peak memory grow with the file (about +50 MB at a million records).
 */
const CHUNK = 1 << 15;

/**
 * Streams a file's text to `sink` in chunks. Tries strict UTF-8 first; if the bytes turn out not
 * to be UTF-8, the sink is told to start over and the file is streamed again as Windows-1252.
 * A byte-order mark is passed through as U+FEFF so the reader can warn about it. `flush` is
 * called once the whole file has been written.
 */
export function streamText(
  path: string,
  open: () => { write(chunk: string): void; flush?(): void },
): Promise<TextEncoding> {
  return streamTextFrom(() => createReadStream(path, { highWaterMark: CHUNK }), open);
}

/** streamText over bytes from anywhere: `read` gives a fresh stream of them from the start. */
export async function streamTextFrom(
  read: () => AsyncIterable<Uint8Array>,
  open: () => { write(chunk: string): void; flush?(): void },
): Promise<TextEncoding> {
  let sink = open();
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for await (const chunk of read()) {
      const text = utf8.decode(chunk, { stream: true });
      if (text) sink.write(text);
    }
    const rest = utf8.decode();
    if (rest) sink.write(rest);
    sink.flush?.();
    return 'utf-8';
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  sink = open();
  const win = iconv.getDecoder('win1252');
  for await (const chunk of read()) {
    const text = win.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) sink.write(text);
  }
  const rest = win.end();
  if (rest) sink.write(rest);
  sink.flush?.();
  return 'windows-1252';
}
