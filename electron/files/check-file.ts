// The offline check of one file a user chose or received: an .amd amendment file against every
// rule in HEFCE's guide, an ILR XML file (2011-12 onwards) against the XML rules. Both checkers
// are streamed (constant memory but for 12-20 bytes a record's key); the app and browser mode's
// server run this in the import worker all the same (operations/untrusted.ts), so that a file
// crafted to defeat a checker fails its check, never the app.
import { AmendmentFileValidator } from '../../shared/amd';
import type { CalendarDate, FileReport } from '../../shared/amd';
import { catalogueFor } from '../../shared/ilr/catalogue';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import type { FileSource } from '../../shared/ipc/source';
import { streamText } from './text';

export interface CheckFileOptions {
  /** The ILR year whose field catalogue applies (`--year`); omit to check without one. */
  year?: string;
  /** For the future-date checks; omit to skip them. */
  today?: CalendarDate;
  /** Which checker; by default by extension: .xml (any case) is ILR XML, anything else .amd. */
  format?: 'xml' | 'amd';
}

export async function checkFile(
  file: string | FileSource,
  fileName: string,
  o: CheckFileOptions,
): Promise<FileReport> {
  const xml = o.format === undefined ? /\.xml$/i.test(fileName) : o.format === 'xml';
  const catalogue = o.year === undefined ? undefined : catalogueFor(o.year);
  let check: { write(chunk: string): void; end(): FileReport } | undefined;
  let opened = 0;
  await streamText(file, () => {
    // A second sink is opened only when the bytes are not UTF-8 and are read again as
    // Windows-1252; the XML checker compares that with the encoding the file declares.
    const bytes = opened++ === 0 ? 'utf-8' : 'windows-1252';
    check = xml
      ? new IlrXmlChecker({ fileName, today: o.today, bytes })
      : new AmendmentFileValidator({ fileName, catalogue, today: o.today });
    return check;
  });
  if (!check) throw new Error(`${fileName} was not read`);
  return check.end();
}
