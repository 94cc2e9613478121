// Amendment files are written in Windows-1252 ("ANSI"), the encoding Notepad and HEFCE's loaders
// of the period read. A character outside it would reach HEFCE as '?' or '_', so the builder
// refuses it instead. Which characters it holds is shared/extract's one table.
import { isWindows1252 } from '../extract/windows-1252';

export { isWindows1252 };

/** The first character of `text` that Windows-1252 cannot hold, or undefined. */
export function firstNon1252(text: string): string | undefined {
  for (const ch of text) {
    if (!isWindows1252(ch)) return ch;
  }
  return undefined;
}
