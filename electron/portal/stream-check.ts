// The data file streamed through the checker (papaparse over text decoded in order), so a large
// file is checked in constant memory. Runs inside the check worker (check-worker.ts), which is
// handed the bytes piece by piece by the thread that started it.
import Papa from 'papaparse';
import type { CsvChecker, CsvReport } from '../../shared/portal/csv-check';
import { streamText, streamTextFrom } from '../files/text';

/**
 * Streams the data file through the checker; restarts as Windows-1252 if it is not UTF-8. The
 * file is a path on disk, or a reader giving a fresh stream of its bytes each time it is called.
 */
export async function checkDataFile(
  data: string | (() => AsyncIterable<Uint8Array>),
  checker: () => CsvChecker,
): Promise<CsvReport> {
  let current = checker();
  const sink = () => {
    current = checker();
    // papaparse's own streaming splits characters across chunks, so lines are cut here instead.
    let carry = '';
    return {
      write(chunk: string) {
        const text = carry + chunk;
        const cut = text.lastIndexOf('\n');
        if (cut < 0) {
          carry = text;
          return;
        }
        carry = text.slice(cut + 1);
        feed(current, text.slice(0, cut + 1));
      },
      flush() {
        if (carry !== '') feed(current, carry);
      },
    };
  };
  const encoding =
    typeof data === 'string' ? await streamText(data, sink) : await streamTextFrom(data, sink);
  if (encoding === 'windows-1252')
    current.encoding(
      'The file is not UTF-8 (it reads as Windows-1252, as Excel saves "CSV" files).',
    );
  return current.end();
}

function feed(checker: CsvChecker, text: string): void {
  // Whole lines only: a quoted value with a line break inside would be split, which the
  // regulator's formats do not allow anyway (it is reported as a wrong column count).
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    delimiter: ',',
    step: (r) => checker.row(r.data),
  });
}
