// An ILR 2011-12 amendment file worked out from the file as returned and the corrected one
// (shared/ilr-xml/amend.ts), its serial number the next after theirs and the history's files of
// the provider, checked as every XML file is before it is handed back. Nothing is kept: the user
// saves the file and adds it to a batch as any other. Both files are held in memory to be
// compared, so the work is done in the import worker (files/amend-xml.ts), under its memory limit.
import { calendarDateIn } from '../../shared/dates';
import { formatIsoDate } from '../../shared/history/wording';
import { AmendInputError } from '../../shared/ilr-xml/amend';
import { amendXml } from '../files/amend-xml';
import type { AmendXmlOptions } from '../files/amend-xml';
import { runInWorker, workerFile } from '../files/import/run';
import { StoreError } from '../store';
import type { OperationHost } from './host';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';
import { inWorker } from './untrusted';

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
      const names = { returned: returned.fileName, corrected: corrected.fileName };
      const now = host.clock.now();
      // The history's serial numbers by provider: the amendment's is the next after them.
      const usedSerials: Record<string, number[]> = {};
      for (const f of host.store().xmlFiles.list())
        if (f.ukprn !== null) (usedSerials[f.ukprn] ??= []).push(Number(f.serialNo));
      const o: AmendXmlOptions = {
        usedSerials,
        today: formatIsoDate(calendarDateIn(now)),
        now: englandDateTime(now),
        checkedOn: calendarDateIn(now),
      };
      let amendment;
      try {
        if (host.readsFilesInProcess) {
          amendment = await amendXml(sourceOf(returned), sourceOf(corrected), names, o);
        } else {
          const transfer: ArrayBuffer[] = [];
          const job = { ...o, returned: await workerFile(sourceOf(returned), transfer) };
          amendment = await inWorker(() =>
            runInWorker('xml-amend', sourceOf(corrected), { job }, transfer),
          );
        }
      } catch (e) {
        if (e instanceof AmendInputError) throw new StoreError('INVALID_INPUT', e.message);
        throw e;
      }
      const { report } = amendment;
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
        base64: Buffer.from(
          amendment.bytes.buffer,
          amendment.bytes.byteOffset,
          amendment.bytes.byteLength,
        ).toString('base64'),
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
