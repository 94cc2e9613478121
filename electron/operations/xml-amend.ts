// An ILR 2011-12 amendment file worked out from the file as returned and the corrected one
// (shared/ilr-xml/amend.ts), its serial number the next after theirs and the history's files of
// the provider, checked as every XML file is before it is handed back. Nothing is kept: the user
// saves the file and adds it to a batch as any other.
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { AmendInputError, XmlAmendmentBuilder } from '../../shared/ilr-xml/amend';
import type { MessageReader } from '../../shared/ilr-xml/amend-read';
import { calendarDateIn } from '../../shared/dates';
import { formatIsoDate } from '../../shared/history/wording';
import { streamText } from '../files/text';
import { StoreError } from '../store';
import type { OperationHost } from './host';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';

const sink = (reader: () => MessageReader) => () => {
  const r = reader();
  return { write: (t: string) => r.write(t), flush: () => r.end() };
};

/** The instant as England's wall clock writes it: yyyy-mm-ddThh:mm:ss. */
function englandDateTime(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${formatIsoDate(calendarDateIn(instant))}T${get('hour')}:${get('minute')}:${get('second')}`;
}

export function xmlAmendOperations(host: OperationHost): OperationTableOf<'xmlFiles.amend'> {
  return {
    'xmlFiles.amend': async ({ returned, corrected }) => {
      const builder = new XmlAmendmentBuilder({
        returned: returned.fileName,
        corrected: corrected.fileName,
      });
      const now = host.clock.now();
      let amendment;
      try {
        await streamText(
          sourceOf(returned),
          sink(() => builder.readReturned()),
        );
        await streamText(
          sourceOf(corrected),
          sink(() => builder.readCorrected()),
        );
        amendment = builder.finish({
          usedSerials: (ukprn) =>
            host
              .store()
              .xmlFiles.list()
              .filter((f) => f.ukprn === ukprn)
              .map((f) => Number(f.serialNo)),
          today: formatIsoDate(calendarDateIn(now)),
          now: englandDateTime(now),
        });
      } catch (e) {
        if (e instanceof AmendInputError) throw new StoreError('INVALID_INPUT', e.message);
        throw e;
      }
      const checker = new IlrXmlChecker({
        fileName: amendment.fileName,
        today: calendarDateIn(now),
        bytes: 'utf-8',
      });
      checker.write(amendment.text);
      const report = checker.end();
      // Made from a file that passes the checks, it passes them; if not, say so, never hand it out.
      if (!report.valid)
        throw new StoreError(
          'INVALID_INPUT',
          `The amendment made from ${corrected.fileName} would not pass the checks: ${report.findings
            .filter((f) => f.severity === 'error')
            .slice(0, 3)
            .map((f) => f.message)
            .join(' ')} Correct ${corrected.fileName} (check it first) and try again.`,
        );
      return {
        fileName: amendment.fileName,
        base64: Buffer.from(amendment.text, 'utf8').toString('base64'),
        serialNo: amendment.serialNo,
        changed: amendment.changed,
        added: amendment.added,
        onlyInReturned: amendment.onlyInReturned,
        unchanged: amendment.unchanged,
        report,
      };
    },
  };
}
