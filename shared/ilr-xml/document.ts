// Checks of the file as a whole: its name, its encoding, its root element and namespace, and what
// a complete file must contain.
import type { FindingList } from '../amd/findings';
import { ElementNames } from './element-names';
import type { Place } from './header';
import { ILR_2011_12_NAMESPACE, ILR_YEAR } from './model';
import { describeYear, parseIlrXmlFileName } from './names';
import type { IlrXmlFileName } from './names';

/** Returns the parsed name, even of another year, so the header can still be compared with it. */
export function checkFileName(fileName: string, out: FindingList): IlrXmlFileName | undefined {
  const parsed = parseIlrXmlFileName(fileName);
  const file = { line: null, column: null };
  if (!parsed.ok) {
    out.add('XML_FILE_NAME', `'${fileName}' is not an ILR XML file name: ${parsed.problem}.`, file);
    return undefined;
  }
  if (parsed.name.year !== ILR_YEAR) {
    out.add(
      'XML_FILE_NAME',
      `'${fileName}' is named for ${describeYear(parsed.name.year)}; this file is checked as 2011-12, year ${ILR_YEAR}.`,
      file,
    );
  }
  return parsed.name;
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

/**
 * The root must be Message in the 2011-12 namespace. Returns the names its elements go by, or
 * undefined when it is not Message: then nothing inside is an ILR element.
 */
export function checkRoot(
  name: string,
  attributes: Record<string, string>,
  place: Place,
  out: FindingList,
): ElementNames | undefined {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const at = { line: place.line, column: place.column, field: name };
  if (name.slice(colon + 1) !== 'Message') {
    out.add('XML_ROOT', `The root element is ${name}, not Message.`, at);
    return undefined;
  }
  const ns = attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
  if (ns !== ILR_2011_12_NAMESPACE) {
    const year = /\/ILR\/(\d{4}-\d{2})\//.exec(ns ?? '')?.[1];
    out.add(
      'XML_NAMESPACE',
      ns === undefined
        ? `Message is in no namespace; a 2011-12 file has xmlns="${ILR_2011_12_NAMESPACE}".`
        : `Message is in the namespace ${ns}${year ? `, the ${year} structure` : ''}, not ${ILR_2011_12_NAMESPACE}.`,
      { ...at, value: ns ?? null },
    );
  }
  return new ElementNames(prefix);
}

/** What only a whole, well-formed file can be found to lack. */
export function checkComplete(
  root: Place,
  seen: { header: boolean; provider: boolean; learners: number },
  out: FindingList,
): void {
  const at = (field: string) => ({ line: root.line, column: root.column, field });
  if (!seen.header)
    out.add('XML_HEADER_MISSING', 'Message has no Header element.', at('Message/Header'));
  if (!seen.provider) {
    out.add(
      'XML_HEADER_MISSING',
      'Message has no LearningProvider element.',
      at('Message/LearningProvider'),
    );
  }
  if (seen.learners === 0)
    out.add('XML_NO_LEARNERS', 'Message has no Learner elements.', at('Message/Learner'));
}
