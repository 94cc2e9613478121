// Reading text files from disk by shared/extract's rule: BOM → strict UTF-8 → Windows-1252, the
// last by its one table (€ and smart quotes intact). The files read here (amendment files, ILR
// XML, portal CSVs) must never be UTF-16, so a UTF-16 mark is not taken as one: such a file reads
// as Windows-1252 and fails its format's checks. A UTF-8 byte-order mark is kept as U+FEFF so the
// checkers can warn about it.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ByteSource, DecodeOptions } from '../../shared/extract';
import type { FileSource } from '../../shared/ipc/source';
import {
  decodeBytes as decode,
  decodeSource,
  encodeWindows1252 as encode,
} from '../../shared/extract';

export type TextEncoding = 'utf-8' | 'windows-1252';

const AS_WRITTEN: DecodeOptions = { keepBom: true, utf16: false };

export function decodeBytes(bytes: Uint8Array): {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
} {
  const { text, encoding } = decode(bytes, AS_WRITTEN);
  return encoding === 'Windows-1252'
    ? { text, encoding: 'windows-1252', bom: false }
    : { text, encoding: 'utf-8', bom: encoding === 'UTF-8 with BOM' };
}

export async function readTextFile(path: string) {
  return decodeBytes(await readFile(path));
}

export function encodeWindows1252(text: string): Buffer {
  const bytes = encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * 32 KiB reads. Each decoded chunk (at most 64 KB even as a two-byte string) is an ordinary young
 * object that dies young; 1 MiB chunks went to V8's large-object space and piled up as garbage until
 * a full collection, which made peak memory grow with the file (about +50 MB at a million records).
 */
const CHUNK = 1 << 15;

/** A file on disk as shared/extract reads it: opened again from the start when asked. */
export function fileSource(path: string): ByteSource {
  return () => createReadStream(path, { highWaterMark: CHUNK });
}

/**
 * A file named by its path, or handed to an operation as a source (streamed from disk by the
 * command line, or bytes the user chose in the app), read in pieces of the same size.
 */
export function bytesOf(file: string | FileSource): ByteSource {
  if (typeof file === 'string') return fileSource(file);
  return async function* () {
    for await (const chunk of file.open())
      for (let at = 0; at < chunk.byteLength; at += CHUNK) yield chunk.subarray(at, at + CHUNK);
  };
}

/**
 * Streams a file's text to `sink` in chunks. Tries strict UTF-8 first; if the bytes turn out not
 * to be UTF-8, the sink is told to start over and the file is streamed again as Windows-1252.
 * A byte-order mark is passed through as U+FEFF so the reader can warn about it. `flush` is
 * called once the whole file has been written.
 */
export async function streamText(
  file: string | FileSource,
  open: () => { write(chunk: string): void; flush?(): void },
): Promise<TextEncoding> {
  const encoding = await decodeSource(
    bytesOf(file),
    () => {
      const sink = open();
      return { write: (text) => sink.write(text), end: () => sink.flush?.() };
    },
    AS_WRITTEN,
  );
  return encoding === 'Windows-1252' ? 'windows-1252' : 'utf-8';
}

/** streamText over bytes from anywhere: `read` gives a fresh stream of them from the start. */
export function streamTextFrom(
  read: () => AsyncIterable<Uint8Array>,
  open: () => { write(chunk: string): void; flush?(): void },
): Promise<TextEncoding> {
  return streamText({ fileName: '', size: null, open: read }, open);
}
