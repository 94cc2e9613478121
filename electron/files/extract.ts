// Reads an MIS extract (CSV) with every value kept as text: papaparse with dynamicTyping off is
// what keeps 00123 and 9.91E+12 exactly as written, so the rules can see them.
import Papa from 'papaparse';
import type { Extract } from '../../shared/amd';
import { readTextFile } from './text';
import type { TextEncoding } from './text';

export interface ReadExtract extends Extract {
  encoding: TextEncoding;
  delimiter: string;
}

export class ExtractError extends Error {}

export async function readExtract(path: string): Promise<ReadExtract> {
  const { text, encoding } = await readTextFile(path);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new ExtractError(
      `${path}: row ${(fatal.row ?? 0) + 1} has a quote that is never closed; check the extract in a text editor.`,
    );
  }
  const [header = [], ...rows] = parsed.data;
  return { header: header.map((h) => h.trim()), rows, encoding, delimiter: parsed.meta.delimiter };
}
