// An MIS extract as the wizard's worker holds it: read by shared/extract (the reader the command
// line uses too, so a file reads the same through either door) into a column store.
import { ExtractTextReader, readExtract } from '../../../../shared/extract';
import type { Delimiter, ExtractShape, ExtractSink } from '../../../../shared/extract';
import type { TextEncodingName } from '../../../../shared/extract';
import { ColumnStore } from './column-store';
import { blobSource } from './decode';

export interface ParsedExtract {
  header: string[];
  store: ColumnStore;
  delimiter: Delimiter;
  /** Rows (numbered as in the file, the header being row 1) whose value count differs. */
  unevenRows: number[];
  unevenCount: number;
}

const SHOWN_UNEVEN = 5;

/** Each batch of records goes into the store as it is read; the store is sized by the header. */
class ColumnSink implements ExtractSink {
  store = new ColumnStore(0);
  header(names: string[]): void {
    this.store = new ColumnStore(names.length);
  }
  records(rows: string[][]): void {
    this.store.append(rows);
  }
}

function parsed(shape: ExtractShape, sink: ColumnSink): ParsedExtract {
  const store = sink.store.finish();
  const unevenRows = [...store.uneven.keys()].slice(0, SHOWN_UNEVEN).map((r) => r + 2);
  return {
    header: shape.header,
    store,
    delimiter: shape.delimiter,
    unevenRows,
    unevenCount: store.uneven.size,
  };
}

/** The file the user chose, streamed from its bytes: what the extract worker loads. */
export async function readExtractFile(
  file: Blob,
  onProgress: (done: number, total: number) => void = () => undefined,
  slice?: number,
): Promise<ParsedExtract & { encoding: TextEncodingName }> {
  let sink = new ColumnSink();
  // A second sink means the file is being read again as Windows-1252: start the store over.
  const source = blobSource(file, onProgress, slice);
  const shape = await readExtract(source, () => (sink = new ColumnSink()));
  return { ...parsed(shape, sink), encoding: shape.encoding };
}

/** Text already decoded, fed a slice at a time so progress can be shown. */
export function parseExtractText(
  text: string,
  onProgress: (done: number, total: number) => void = () => undefined,
  chunkSize = 1 << 20,
): ParsedExtract {
  const sink = new ColumnSink();
  const reader = new ExtractTextReader(sink);
  for (let at = 0; at < text.length; at += chunkSize) {
    reader.write(text.slice(at, at + chunkSize));
    onProgress(Math.min(at + chunkSize, text.length), text.length);
  }
  return parsed(reader.end(), sink);
}
