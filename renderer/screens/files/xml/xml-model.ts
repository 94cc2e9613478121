// How ILR XML files (2011-12 onwards) read on the Amendment files screen, apart from their drawing:
// statuses in words, which files may be withdrawn, the batches each file is in, the summary a
// check gives, and where a finding is (line and column: an XML file is not one record a line).
import type { FileReport, Finding } from '../../../../shared/amd';
import type { Batch, Provider, StoredXmlFile } from '../../../../shared/history/types';
import type { XmlFileStatus } from '../../../../shared/history/lifecycle';
import { canMoveXmlFile } from '../../../../shared/history/lifecycle';
import type { StatusColor } from '../../../components/StatusBadge';

export const XML_STATUS: Record<XmlFileStatus, { label: string; color: StatusColor }> = {
  final: { label: 'Checked, not sent', color: 'informative' },
  submitted: { label: 'Sent', color: 'informative' },
  accepted: { label: 'Accepted', color: 'success' },
  rejected: { label: 'Rejected', color: 'danger' },
  withdrawn: { label: 'Withdrawn', color: 'subtle' },
};

/** ILR XML files are named like ILR-A-10007928-1112-0013-01.XML; the check says if one is not. */
export const isXmlFileName = (name: string): boolean => /\.xml$/i.test(name);

/** Dropped files split by kind: .amd (and text) files take the .amd check, XML files their own. */
export function splitDropped<T extends { name: string }>(
  files: readonly T[],
): { amd: T[]; xml: T[] } {
  return {
    amd: files.filter((f) => !isXmlFileName(f.name)),
    xml: files.filter((f) => isXmlFileName(f.name)),
  };
}

export const canWithdraw = (f: Pick<StoredXmlFile, 'status'>): boolean =>
  canMoveXmlFile(f.status, 'withdrawn');

export const typeLabel = (t: string | null): string =>
  t === 'A' ? "A (ILR 'A' file)" : t === 'B' ? "B (ILR 'B' file)" : (t ?? 'Not given');

/** The batches each XML file is in, by file name, oldest first. */
export function batchesByFile(batches: readonly Batch[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const b of [...batches].sort((x, y) => x.id - y.id))
    for (const f of b.xml?.files ?? []) out.set(f.name, [...(out.get(f.name) ?? []), b.id]);
  return out;
}

export function batchesLabel(ids: readonly number[] | undefined): string {
  if (!ids || ids.length === 0) return 'None';
  return ids.length === 1 ? `Batch ${ids[0]}` : `Batches ${ids.join(', ')}`;
}

/** Newest first; a filter on name, provider, year or status; withdrawn files only when asked. */
export function visibleXmlFiles(
  files: readonly StoredXmlFile[],
  filter: string,
  showWithdrawn: boolean,
): StoredXmlFile[] {
  const q = filter.trim().toLowerCase();
  return files
    .filter((f) => showWithdrawn || f.status !== 'withdrawn')
    .filter(
      (f) =>
        q === '' ||
        [f.name, f.upin, f.ukprn, f.year, XML_STATUS[f.status].label].some((v) =>
          v.toLowerCase().includes(q),
        ),
    )
    .sort((a, b) => b.id - a.id);
}

const count = (n: number) => n.toLocaleString('en-GB');

/** What the file's header says and what it holds, as the check read it. */
export function summaryFacts(r: FileReport): [string, string][] {
  const x = r.xml;
  if (!x) return [];
  return [
    ['UKPRN', x.ukprn ?? 'Not given'],
    ['Transmission type', typeLabel(x.transmissionType)],
    ['Serial number', x.serialNo ?? 'Not given'],
    ['Learners', count(x.learners)],
    ['Learning deliveries', count(x.learningDeliveries)],
    ['Prepared on', x.preparationDate ?? 'Not given'],
  ];
}

export function xmlSummaryLine(r: FileReport): string {
  const n = (v: number, one: string) => `${count(v)} ${one}${v === 1 ? '' : 's'}`;
  return [
    n(r.errors, 'error'),
    n(r.warnings, 'warning'),
    `${n(r.recordsAffected, 'learner')} with findings`,
  ].join(' · ');
}

export function xmlVerdict(r: FileReport): {
  intent: 'success' | 'warning' | 'error';
  text: string;
} {
  if (r.errors > 0)
    return {
      intent: 'error',
      text: 'Not valid: HEFCE would reject this file, and ReturnDesk will not keep it.',
    };
  if (r.warnings > 0)
    return { intent: 'warning', text: 'Valid, with warnings worth reading before you send it.' };
  return { intent: 'success', text: 'Valid: every check is met.' };
}

export const lineLabel = (f: Finding): string => (f.line === null ? 'Whole file' : String(f.line));
export const columnLabel = (f: Finding): string =>
  typeof f.column === 'number' ? String(f.column) : '–';

/** Providers who can take the file: a UKPRN is needed, and the one matching the header comes first. */
export function providersFor(
  providers: readonly Provider[],
  ukprn: string | null,
): { choices: Provider[]; preferred: string } {
  const choices = providers.filter((p) => p.ukprn !== null && p.ukprn !== '');
  const match = choices.find((p) => p.ukprn === ukprn);
  return {
    choices,
    preferred: match?.upin ?? (choices.length === 1 ? (choices[0]?.upin ?? '') : ''),
  };
}

/**
 * What to say beside the provider chosen for an XML file: matched by the header's UKPRN, no
 * provider has it, or (a warning) the chosen provider has another UKPRN.
 */
export function ukprnNote(
  providers: readonly Provider[],
  ukprn: string | null,
  upin: string,
): { text: string; mismatch: boolean } | null {
  if (!ukprn) return null;
  const picked = providers.find((x) => x.upin === upin);
  const matched = providers.find((x) => x.ukprn === ukprn);
  if (picked && picked.ukprn !== ukprn)
    return {
      mismatch: true,
      text: `The file's header says UKPRN ${ukprn}, but ${picked.upin} ${picked.name} has UKPRN ${picked.ukprn ?? 'none'}: check that the file belongs to this college. The history will not keep it for ${picked.upin}.`,
    };
  if (matched && picked === matched)
    return {
      mismatch: false,
      text: `Matched to ${matched.upin} ${matched.name} by the file's UKPRN (${ukprn}).`,
    };
  if (!matched)
    return {
      mismatch: false,
      text: `No provider in your history has the file's UKPRN (${ukprn}); give the right provider its UKPRN in Settings.`,
    };
  return null;
}

export function withdrawOutcome(name: string, removedFrom: readonly number[]): string {
  const from =
    removedFrom.length === 0
      ? 'It was in no batch waiting to be sent.'
      : `It was taken out of ${removedFrom.length === 1 ? 'batch' : 'batches'} ${removedFrom.join(', ')}, which must be signed off again if they were signed off.`;
  return `${name} is withdrawn: later batches no longer need to send it again. ${from}`;
}
