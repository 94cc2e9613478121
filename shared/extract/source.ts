// A file read as it streams, in constant memory: its encoding decided by the rule in encoding.ts,
// its text handed on a piece at a time. Only the first few bytes are ever held back (to see a mark).
import type { DecodeOptions, TextDecoding, TextEncodingName } from './encoding';
import { MARK_BYTES, NotUtf8Error, encodingOf, textDecoding } from './encoding';

/**
 * Opens a file's bytes from the start; called a second time when the bytes turn out not to be
 * UTF-8. The command line opens a file on disk; the app slices the file the user chose.
 */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** Where decoded text goes. */
export interface TextSink {
  write(text: string): void;
  /** The whole file has been written. */
  end(): void;
}

/**
 * Streams a source's text into a sink and says which encoding it was. Bytes with no mark are read
 * as strict UTF-8; at the first byte that cannot be UTF-8, the source is opened again and read
 * from the start as Windows-1252 into a fresh sink (`start` is called again), so nothing read the
 * wrong way is kept.
 */
export async function decodeSource(
  open: ByteSource,
  start: (encoding: TextEncodingName) => TextSink,
  o: DecodeOptions = {},
): Promise<TextEncodingName> {
  try {
    return await decodePass(open, start, o, false);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  return decodePass(open, start, o, true);
}

async function decodePass(
  open: ByteSource,
  start: (encoding: TextEncodingName) => TextSink,
  o: DecodeOptions,
  windows1252: boolean,
): Promise<TextEncodingName> {
  let head: Uint8Array = new Uint8Array(0);
  let reading: Reading | undefined;
  for await (const chunk of open()) {
    if (reading) {
      reading.put(reading.decoder.write(chunk));
      continue;
    }
    // The mark can be split across the first pieces; hold them until there are enough bytes.
    head = concat(head, chunk);
    if (head.length >= MARK_BYTES) reading = begin(head, start, o, windows1252);
  }
  reading ??= begin(head, start, o, windows1252);
  reading.put(reading.decoder.end());
  reading.sink.end();
  return reading.encoding;
}

interface Reading {
  decoder: TextDecoding;
  sink: TextSink;
  encoding: TextEncodingName;
  put(text: string): void;
}

/** Decides the encoding from the first bytes, starts the sink, and writes those bytes to it. */
function begin(
  head: Uint8Array,
  start: (encoding: TextEncodingName) => TextSink,
  o: DecodeOptions,
  windows1252: boolean,
): Reading {
  const encoding = windows1252 ? 'Windows-1252' : encodingOf(head, o);
  const sink = start(encoding);
  const put = (text: string) => {
    if (text !== '') sink.write(text);
  };
  const decoder = textDecoding(encoding, head, o);
  put(decoder.write(head));
  return { decoder, sink, encoding, put };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
