// Reading an extract through shared/extract in pieces of a chosen size, keeping every record.
import type { ByteSource, ReadExtractShape } from '../../../shared/extract';
import { ExtractTextReader, keepingRecords, readExtract } from '../../../shared/extract';

export interface ReadBack {
  header: string[];
  rows: string[][];
  delimiter: string;
}

/** Text fed to the reader `piece` characters at a time. */
export function readText(text: string, piece = text.length || 1): ReadBack {
  const kept = keepingRecords();
  const reader = new ExtractTextReader(kept);
  for (let at = 0; at < text.length; at += piece) reader.write(text.slice(at, at + piece));
  const shape = reader.end();
  return { header: shape.header, rows: kept.rows, delimiter: shape.delimiter };
}

/** Bytes handed over `piece` bytes at a time, as a file would stream. */
export function piecesOf(bytes: Uint8Array, piece: number): ByteSource {
  return async function* () {
    for (let at = 0; at < bytes.length; at += piece) yield bytes.slice(at, at + piece);
  };
}

export async function readBytes(
  bytes: Uint8Array,
  piece: number,
): Promise<ReadBack & Pick<ReadExtractShape, 'encoding'>> {
  let kept = keepingRecords();
  const shape = await readExtract(piecesOf(bytes, piece), () => (kept = keepingRecords()));
  return {
    header: shape.header,
    rows: kept.rows,
    delimiter: shape.delimiter,
    encoding: shape.encoding,
  };
}
