// HEFCE's rule for 2011-12 batches, in the words the batch and upload screens use: a batch must
// send again every XML file already submitted for its provider and year (unless withdrawn), so
// the screens say which files were carried over and from where, what is missing, and whether an
// override with a reason lets the batch go without them.
import type {
  Batch,
  BatchOverride,
  MissingXmlFile,
  XmlBatchFile,
} from '../../../shared/history/types';
import { plural } from '../../../shared/history/wording';
import { formatDateTime } from '../../app/format';
import { XML_STATUS } from '../files/xml/xml-model';

export const XML_RULE =
  'HEFCE incorporates an earlier amendment file only when every applicable XML file is sent again in one batch. So a batch for a provider and year must include every XML file already submitted for them, unless the file is withdrawn.';

/** Where a file in the re-submission set comes from. */
export function carriedLabel(f: XmlBatchFile): string {
  if (!f.carriedOver) return 'New in this batch';
  return f.fromBatchId === null
    ? 'Carried over: sent before on its own'
    : `Carried over from batch ${f.fromBatchId}`;
}

export function missingWhere(m: MissingXmlFile): string {
  return m.fromBatchId === null
    ? `${XML_STATUS[m.status].label}, sent on its own`
    : `Sent in batch ${m.fromBatchId} (${XML_STATUS[m.status].label.toLowerCase()})`;
}

/** Missing files the newest override does not cover: these stop the upload. */
export function uncovered(b: Batch): MissingXmlFile[] {
  const x = b.xml;
  if (!x || x.uploadable) return [];
  return x.missing.filter((m) => !x.override?.missing.includes(m.name));
}

/** Why the batch cannot be uploaded yet, naming the files; null when it can. */
export function missingProblem(b: Batch): string | null {
  const left = uncovered(b);
  if (left.length === 0) return null;
  const names = left
    .map(
      (m) =>
        `${m.name} (${m.fromBatchId ? `sent in batch ${m.fromBatchId}` : XML_STATUS[m.status].label.toLowerCase()})`,
    )
    .join(', ');
  return `Batch ${b.id} leaves out ${plural(left.length, 'earlier submitted file')}: ${names}. HEFCE incorporates earlier amendment files only when all of them are sent again in one batch. On the batch's page, add ${left.length === 1 ? 'it' : 'them'} back, withdraw a file that should no longer count, or override with a reason.`;
}

export function overrideText(o: BatchOverride): string {
  const left = o.missing.length ? ` Left out: ${o.missing.join(', ')}.` : '';
  return `Overridden by ${o.by} on ${formatDateTime(o.at)}: “${o.reason}”.${left}`;
}

/** Said when a 2011-12 batch is created: what ReturnDesk proposed from the history. */
export function proposedText(b: Batch): string {
  const carried = b.xml?.files.filter((f) => f.carriedOver) ?? [];
  if (carried.length === 0)
    return `Created batch ${b.id}. No XML files have been submitted for ${b.upin} ${b.year} yet, so there is nothing to carry over: add this batch's files below.`;
  const list = carried.map((f) => `${f.name} (${carriedLabel(f).toLowerCase()})`).join(', ');
  return `Created batch ${b.id}. As HEFCE asks, it starts with the ${plural(carried.length, 'XML file')} already submitted for ${b.upin} ${b.year}: ${list}. Add the new files below.`;
}
