// Checks of the file as a whole: its name, its encoding, its root element and namespace, and what
// a complete file must contain.
import type { FindingList } from '../amd/findings';
import { ElementNames } from './element-names';
import type { Place } from './header';
import { ILR_2011_12_NAMESPACE, ILR_YEAR } from './model';
import { describeYear, parseIlrXmlFileName } from './names';
import type { IlrXmlFileName } from './names';

const WHOLE = { line: null, column: null };

/**
 * Returns the parsed name, even of another year, so the header can still be compared with it. Its
 * year is checked by checkNameYear once the namespace has said which year the file is.
 */
export function checkFileName(fileName: string, out: FindingList): IlrXmlFileName | undefined {
  const parsed = parseIlrXmlFileName(fileName);
  if (!parsed.ok) {
    out.add(
      'XML_FILE_NAME',
      `'${fileName}' is not an ILR XML file name: ${parsed.problem}.`,
      WHOLE,
    );
    return undefined;
  }
  return parsed.name;
}

/**
 * The name's year must be the file's: 1112, or the later year its namespace names (a later file
 * is not wrong, only not checked here; a 2011-12 file named for 2012-13 contradicts itself).
 */
export function checkNameYear(
  fileName: string,
  name: IlrXmlFileName | undefined,
  laterYear: string | undefined,
  out: FindingList,
): void {
  if (!name || name.year === (laterYear ?? ILR_YEAR)) return;
  out.add(
    'XML_FILE_NAME',
    laterYear
      ? `'${fileName}' is named for ${describeYear(name.year)} but Message is in the ${describeYear(laterYear)} namespace.`
      : `'${fileName}' is named for ${describeYear(name.year)}; this file is checked as 2011-12, year ${ILR_YEAR}.`,
    WHOLE,
  );
}

/** Encodings whose bytes Windows-1252 decoding reads correctly (or near enough to check). */
const SINGLE_BYTE = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso_8859-1', 'latin1', 'l1']);

/** `bytes` says how the text was decoded; `declared` is the XML declaration's encoding. */
export function checkEncoding(
  declared: string | undefined,
  bytes: 'utf-8' | 'windows-1252' | undefined,
  out: FindingList,
): void {
  const name = declared?.trim().toLowerCase();
  if (bytes !== 'windows-1252' || (name && SINGLE_BYTE.has(name))) return;
  const read = 'they read as Windows-1252, as Excel and older exports write';
  out.add(
    'XML_ENCODING',
    name
      ? `The file declares encoding="${declared}" but its bytes are not UTF-8 (${read}).`
      : `The file declares no encoding, so it must be UTF-8, but its bytes are not (${read}).`,
    { line: 1, column: 1 },
  );
}

/** What the root says: the names its elements go by, and a later ILR year if it names one. */
export interface RootFacts {
  names: ElementNames;
  /** The year of a 2012-13 or later namespace as the file name writes it, e.g. 1213. */
  laterYear: string | undefined;
}

/**
 * The root must be Message; its namespace should be the 2011-12 one. Returns undefined when it is
 * not Message: then nothing inside is an ILR element.
 */
export function checkRoot(
  name: string,
  attributes: Record<string, string>,
  place: Place,
  out: FindingList,
): RootFacts | undefined {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const at = { line: place.line, column: place.column, field: name };
  if (name.slice(colon + 1) !== 'Message') {
    out.add('XML_ROOT', `The root element is ${name}, not Message.`, at);
    return undefined;
  }
  const ns = attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
  const year = yearOfNamespace(ns);
  const laterYear = year !== undefined && year > ILR_YEAR ? year : undefined;
  if (laterYear) {
    out.add(
      'XML_LATER_YEAR',
      `Message is in the namespace ${ns}: ${describeYear(laterYear)}, a later ILR year, not checked by these rules.`,
      { ...at, value: ns ?? null },
    );
  } else if (ns !== ILR_2011_12_NAMESPACE) {
    out.add(
      'XML_NAMESPACE',
      ns === undefined
        ? `Message is in no namespace; a 2011-12 file has xmlns="${ILR_2011_12_NAMESPACE}".`
        : `Message is in the namespace ${ns}${year ? `, the ${describeYear(year)} structure` : ''}, not ${ILR_2011_12_NAMESPACE}.`,
      { ...at, value: ns ?? null },
    );
  }
  return { names: new ElementNames(prefix), laterYear };
}

/**
 * The year an ILR namespace names, as 1213 for .../ILR/2012-13/1. Later years moved the host
 * (SFA/ILR/2014-15, ESFA/ILR/2016-17), so only the ILR/yyyy-yy part is read.
 */
function yearOfNamespace(ns: string | undefined): string | undefined {
  const m = /(?:^|\/)ILR\/20(\d{2})-(\d{2})(?:\/|$)/.exec(ns ?? '');
  if (!m?.[1] || !m[2] || (Number(m[1]) + 1) % 100 !== Number(m[2])) return undefined;
  return m[1] + m[2];
}

/**
 * What only a whole, well-formed file can be found to lack. A later year's file is checked only
 * for what holds in every year: whether its header is laid out as in 2011-12 is not asked.
 */
export function checkComplete(
  root: Place,
  seen: { header: boolean; provider: boolean; learners: number; laterYear: boolean },
  out: FindingList,
): void {
  const at = (field: string) => ({ line: root.line, column: root.column, field });
  if (!seen.header && !seen.laterYear)
    out.add('XML_HEADER_MISSING', 'Message has no Header element.', at('Message/Header'));
  if (!seen.provider && !seen.laterYear) {
    out.add(
      'XML_HEADER_MISSING',
      'Message has no LearningProvider element.',
      at('Message/LearningProvider'),
    );
  }
  if (seen.learners === 0)
    out.add('XML_NO_LEARNERS', 'Message has no Learner elements.', at('Message/Learner'));
}
