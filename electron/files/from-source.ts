// Text and MIS extracts read from a file an operation was handed (a FileSource: a file the command
// line streams from disk, or the bytes a user chose in the app), by the rules text.ts and
// extract.ts apply to a path: strict UTF-8 (a byte-order mark kept as U+FEFF), else Windows-1252.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { FileSource } from '../../shared/ipc/source';
import { readAll } from '../../shared/ipc/source';
import { decodeBytes } from './text';
import type { TextEncoding } from './text';
import { ExtractError } from './extract';
import type { ReadExtract } from './extract';

/** Small pieces keep each decoded string young and short-lived (see text.ts). */
const PIECE = 1 << 15;

async function* pieces(source: FileSource): AsyncIterable<Buffer> {
  for await (const chunk of source.open()) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < bytes.byteLength; at += PIECE) yield bytes.subarray(at, at + PIECE);
  }
}

/**
 * Streams a file's text to a sink, in constant memory. When the bytes turn out not to be UTF-8,
 * a fresh sink is opened and the file is read again from the start as Windows-1252.
 */
export async function streamSourceText(
  source: FileSource,
  open: () => { write(chunk: string): void; flush?(): void },
): Promise<TextEncoding> {
  let sink = open();
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for await (const piece of pieces(source)) {
      const text = utf8.decode(piece, { stream: true });
      if (text) sink.write(text);
    }
    const rest = utf8.decode();
    if (rest) sink.write(rest);
    sink.flush?.();
    return 'utf-8';
  } catch (e) {
    // TextDecoder's refusal of a byte that cannot be UTF-8.
    if (!(e instanceof TypeError)) throw e;
  }
  sink = open();
  const win = iconv.getDecoder('win1252');
  for await (const piece of pieces(source)) {
    const text = win.write(piece);
    if (text) sink.write(text);
  }
  const rest = win.end();
  if (rest) sink.write(rest);
  sink.flush?.();
  return 'windows-1252';
}

/**
 * An MIS extract with every value kept as text (papaparse with dynamicTyping off keeps 00123 and
 * 9.91E+12 as written). The builder needs every record at once, so the file is read whole.
 */
export async function readSourceExtract(source: FileSource): Promise<ReadExtract> {
  const { text, encoding } = decodeBytes(await readAll(source));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal)
    throw new ExtractError(
      `${source.fileName}: row ${(fatal.row ?? 0) + 1} has a quote that is never closed; check the extract in a text editor.`,
    );
  const [header = [], ...rows] = parsed.data;
  return { header: header.map((h) => h.trim()), rows, encoding, delimiter: parsed.meta.delimiter };
}
