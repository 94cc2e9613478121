// Taking an ILR XML file into the history: copied into DATA/content/<sha256> first, then the copy
// is streamed through the offline check, so what was checked is byte for byte what will be sent.
// The result is a CheckedXmlFile for XmlFiles.record, which keeps only files without errors.
import { join } from 'node:path';
import type { FileReport } from '../../shared/amd';
import { IlrXmlChecker, parseIlrXmlFileName } from '../../shared/ilr-xml';
import type { CalendarDate } from '../../shared/amd/model';
import type { FileSource } from '../../shared/ipc/source';
import { checkFile } from '../files/check-file';
import { decodeBytes } from '../files/text';
import type { Store } from './index';
import type { CheckedXmlFile, XmlFileFacts } from './xml-files';

const PROBLEMS_KEPT = 5;

/** The check of text already in memory (a file chosen in the app), without keeping anything. */
export function checkXmlBytes(fileName: string, bytes: Buffer, today?: CalendarDate): FileReport {
  const { text, encoding } = decodeBytes(bytes);
  const checker = new IlrXmlChecker({ fileName, today, bytes: encoding });
  checker.write(text);
  return checker.end();
}

/**
 * How the stored copy is checked: here, streamed, by default; the operations pass one that runs
 * the same check in the import worker, so a crafted file fails there, never in the app.
 */
export type XmlCheck = (
  path: string,
  fileName: string,
  today?: CalendarDate,
) => Promise<FileReport>;

const checkHere: XmlCheck = (path, fileName, today) =>
  checkFile(path, fileName, { ...(today ? { today } : {}), format: 'xml' });

/** Copies a file from disk into the history and checks the copy. */
export async function takeXmlFile(
  store: Store,
  path: string,
  fileName: string,
  today?: CalendarDate,
  check: XmlCheck = checkHere,
): Promise<{ checked: CheckedXmlFile; report: FileReport }> {
  return checkStored(store, fileName, await store.content.putFile(path), today, check);
}

/** Copies a file a door handed over as a source into the history, streamed, and checks the copy. */
export async function takeXmlSource(
  store: Store,
  fileName: string,
  source: FileSource,
  today?: CalendarDate,
  check: XmlCheck = checkHere,
): Promise<{ checked: CheckedXmlFile; report: FileReport }> {
  return checkStored(store, fileName, await store.content.putStream(source.open()), today, check);
}

/** Copies bytes the user handed over into the history and checks the copy. */
export async function takeXmlBytes(
  store: Store,
  fileName: string,
  bytes: Buffer,
  today?: CalendarDate,
  check: XmlCheck = checkHere,
): Promise<{ checked: CheckedXmlFile; report: FileReport }> {
  return checkStored(store, fileName, await store.content.putBytes(bytes), today, check);
}

async function checkStored(
  store: Store,
  fileName: string,
  stored: { sha256: string; size: number },
  today: CalendarDate | undefined,
  check: XmlCheck,
): Promise<{ checked: CheckedXmlFile; report: FileReport }> {
  // source() confirms the copy is there and whole before it is read.
  store.content.source(stored.sha256);
  const report = await check(join(store.folder, 'content', stored.sha256), fileName, today);
  return {
    checked: { sha256: stored.sha256, bytes: stored.size, facts: factsOf(fileName, report) },
    report,
  };
}

/** What the history keeps from a report: the header's facts and the first errors. */
export function factsOf(fileName: string, report: FileReport): XmlFileFacts {
  const parsed = parseIlrXmlFileName(fileName);
  const s = report.xml;
  const type = s?.transmissionType;
  return {
    name: fileName,
    valid: report.valid,
    errors: report.errors,
    warnings: report.warnings,
    problems: report.findings
      .filter((f) => f.severity === 'error')
      .slice(0, PROBLEMS_KEPT)
      .map((f) => `${f.rule}${f.line !== null ? ` (line ${f.line})` : ''}: ${f.message}`),
    ukprn: s?.ukprn ?? null,
    transmissionType: type === 'A' || type === 'B' ? type : null,
    // The header may write 1 for the name's 01 (the check compares them as numbers; a file whose
    // two differ has an error and is not kept): the history keeps the name's two digits.
    serialNo: parsed.ok ? parsed.name.serialNo : (s?.serialNo ?? null),
    year: parsed.ok ? parsed.name.year : null,
    learners: s?.learners ?? 0,
    deliveries: s?.learningDeliveries ?? 0,
    preparedOn: s?.preparationDate ?? null,
  };
}
