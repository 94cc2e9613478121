// Reads an MIS extract from disk for the command line: streamed through shared/extract, the same
// reader the wizard uses, so a file reads the same through either door.
import type { Extract } from '../../shared/amd';
import { ExtractFormatError, keepingRecords, readExtract as readFrom } from '../../shared/extract';
import type { Delimiter, TextEncodingName } from '../../shared/extract';
import { fileSource } from './text';

export interface ReadExtract extends Extract {
  encoding: TextEncodingName;
  delimiter: Delimiter;
}

export class ExtractError extends Error {}

export async function readExtract(path: string): Promise<ReadExtract> {
  let kept = keepingRecords();
  try {
    // A second sink means the file is being read again as Windows-1252: start the records over.
    const read = await readFrom(fileSource(path), () => (kept = keepingRecords()));
    return {
      header: read.header,
      rows: kept.rows,
      encoding: read.encoding,
      delimiter: read.delimiter,
    };
  } catch (e) {
    if (e instanceof ExtractFormatError) {
      // "Line 2 has…" reads on as "extract.csv: line 2 has…", as the command line's messages do.
      const problem = e.message.charAt(0).toLowerCase() + e.message.slice(1);
      throw new ExtractError(`${path}: ${problem}`);
    }
    throw e;
  }
}
