// Reads an MIS extract from disk for the command line: streamed through shared/extract, the same
// reader the wizard uses, so a file reads the same through either door.
import type { Extract } from '../../shared/amd';
import { ExtractFormatError, keepingRecords, readExtract as readFrom } from '../../shared/extract';
import type { Delimiter, TextEncodingName } from '../../shared/extract';
import type { FileSource } from '../../shared/ipc/source';
import { bytesOf } from './text';

export interface ReadExtract extends Extract {
  encoding: TextEncodingName;
  delimiter: Delimiter;
}

export class ExtractError extends Error {}

/** An extract named by its path (messages name the path) or handed over as a source. */
export async function readExtract(file: string | FileSource): Promise<ReadExtract> {
  let kept = keepingRecords();
  try {
    // A second sink means the file is being read again as Windows-1252: start the records over.
    const read = await readFrom(bytesOf(file), () => (kept = keepingRecords()));
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
      throw new ExtractError(`${typeof file === 'string' ? file : file.fileName}: ${problem}`);
    }
    throw e;
  }
}
