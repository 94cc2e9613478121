// The offline check of files: .amd amendment files against every rule in HEFCE's guide, ILR XML
// files (2011-12 onwards) against the XML rules, each streamed in constant memory; nothing is kept.
// A domain of its own that loads no history: `returndesk validate` runs it without SQLite.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import { sourceOf } from './source';
import { AmendmentFileValidator, checkAdditionSets, checkDeletionCascade } from '../../shared/amd';
import type { CalendarDate, FileReport } from '../../shared/amd';
import type { IlrCatalogue } from '../../shared/ilr/catalogue';
import { catalogueFor } from '../../shared/ilr/catalogue';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { calendarDateIn } from '../../shared/dates';
import type { FileSource } from '../../shared/ipc/source';
import { streamText } from '../files/text';

export function checkOperations(host: OperationHost): OperationTableOf<'files.check'> {
  return {
    'files.check': async ({ files, year }) => {
      const o = {
        catalogue: year === undefined ? undefined : catalogueFor(year),
        today: calendarDateIn(host.clock.now()),
      };
      const reports: FileReport[] = [];
      for (const f of files) reports.push(await checkFile(sourceOf(f), f.fileName, o));
      // An addition set's files must agree with each other, and deletions cascade: checked across
      // the files given.
      checkAdditionSets(reports);
      checkDeletionCascade(reports);
      return reports;
    },
  };
}

/** The checker goes by extension: .xml (any case) is an ILR XML file, anything else .amd. */
export async function checkFile(
  source: FileSource,
  fileName: string,
  o: { catalogue: IlrCatalogue | undefined; today: CalendarDate },
): Promise<FileReport> {
  const xml = /\.xml$/i.test(fileName);
  let check: { write(chunk: string): void; end(): FileReport } | undefined;
  let opened = 0;
  await streamText(source, () => {
    // A second sink is opened only when the bytes are not UTF-8 and are read again as
    // Windows-1252; the XML checker compares that with the encoding the file declares.
    const bytes = opened++ === 0 ? 'utf-8' : 'windows-1252';
    check = xml
      ? new IlrXmlChecker({ fileName, today: o.today, bytes })
      : new AmendmentFileValidator({ fileName, catalogue: o.catalogue, today: o.today });
    return check;
  });
  if (!check) throw new Error(`${fileName} was not read`);
  return check.end();
}
