// Works out an ILR 2011-12 amendment from the file as returned and the corrected one, and checks
// it as every XML file is checked. Both files are held in memory, learner by learner, to be
// compared: the app and browser mode's server run this in the import worker (import/worker.ts),
// under its memory limit, so a crafted pair fails there, never in the app.
import type { FileReport } from '../../shared/amd';
import type { CalendarDate } from '../../shared/amd/model';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { XmlAmendmentBuilder } from '../../shared/ilr-xml/amend';
import type { XmlAmendment } from '../../shared/ilr-xml/amend';
import type { MessageReader } from '../../shared/ilr-xml/amend-read';
import type { FileSource } from '../../shared/ipc/source';
import { streamText } from './text';

export interface AmendXmlOptions {
  /** The serial numbers of the history's XML files, by UKPRN: the amendment's is the next. */
  usedSerials: Record<string, number[]>;
  /** Today as yyyy-mm-dd, and now as England's wall clock writes it (yyyy-mm-ddThh:mm:ss). */
  today: string;
  now: string;
  /** Today, for the check's future-date rules. */
  checkedOn: CalendarDate;
}

export interface AmendedXml extends Omit<XmlAmendment, 'text'> {
  /** The amendment's text in UTF-8, as bytes (handed over whole, not copied). */
  bytes: Uint8Array;
  report: FileReport;
}

const sink = (reader: () => MessageReader) => () => {
  const r = reader();
  return { write: (t: string) => r.write(t), flush: () => r.end() };
};

/** Throws AmendInputError (a sentence for the user) when the two files cannot make an amendment. */
export async function amendXml(
  returned: string | FileSource,
  corrected: string | FileSource,
  names: { returned: string; corrected: string },
  o: AmendXmlOptions,
): Promise<AmendedXml> {
  const builder = new XmlAmendmentBuilder(names);
  await streamText(
    returned,
    sink(() => builder.readReturned()),
  );
  await streamText(
    corrected,
    sink(() => builder.readCorrected()),
  );
  const { text, ...amendment } = builder.finish({
    usedSerials: (ukprn) => o.usedSerials[ukprn] ?? [],
    today: o.today,
    now: o.now,
  });
  const checker = new IlrXmlChecker({
    fileName: amendment.fileName,
    today: o.checkedOn,
    bytes: 'utf-8',
  });
  checker.write(text);
  return { ...amendment, bytes: new TextEncoder().encode(text), report: checker.end() };
}
