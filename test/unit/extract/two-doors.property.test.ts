// Whatever extract a college exports (UTF-8 with or without a mark, Windows-1252 with € and smart
// quotes, UTF-16; any of the four separators; quoted values holding separators, quotes and line
// breaks; padded header names; ragged and blank rows; CRLF, LF or CR), the wizard's door and the
// command line's door read the very same header and records from its bytes, and they are the
// records that were written.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExtractFile } from '../../../renderer/screens/files/engine/extract-parse';
import { readExtract } from '../../../electron/files/extract';
import { ExtractFormatError } from '../../../shared/extract';

type Encoding = 'UTF-8' | 'UTF-8 with BOM' | 'Windows-1252' | 'UTF-16';
const DELIMITERS = [',', ';', '\t', '|'] as const;
const LINE_ENDS = ['\r\n', '\n', '\r'] as const;

/** Characters of values: separators, quotes and line breaks among them, € and smart quotes too. */
const ANSI_UNITS = [...'0123456789AZaz .-', ',', ';', '\t', '|', '"', '\n', '\r', ...'€“”‘’é£–'];
/** Characters Windows-1252 cannot hold, for the Unicode encodings only. */
const UNICODE_UNITS = [...ANSI_UNITS, 'ł', 'Ж', '😀'];
const NAMES = ['A01', 'A03', 'A05', 'A09', 'A27', 'A48a', 'L01', 'H02', 'MIS_NAME', 'Learner ref'];

interface Extract {
  encoding: Encoding;
  delimiter: string;
  header: string[];
  records: string[][];
  text: string;
}

const value = (units: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...units), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom('00123', '9.91E+12', '', ' ', '5\'6"') },
  );

/** How a value is written: quoted (with spaces after the closing quote) only if it must be, or by choice. */
function writeValue(v: string, d: string, quote: boolean, spaces: number): string {
  const must = v.startsWith('"') || v.includes(d) || /[\r\n]/.test(v);
  if (!must && !quote) return v;
  return `"${v.replace(/"/g, '""')}"${' '.repeat(spaces)}`;
}

const extracts: fc.Arbitrary<Extract> = fc
  .record({
    encoding: fc.constantFrom<Encoding>('UTF-8', 'UTF-8 with BOM', 'Windows-1252', 'UTF-16'),
    delimiter: fc.constantFrom(...DELIMITERS),
    header: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 6 }),
  })
  .chain(({ encoding, delimiter, header }) => {
    const units = encoding === 'Windows-1252' ? ANSI_UNITS : UNICODE_UNITS;
    const width = header.length;
    const record = fc.oneof(
      { weight: 3, arbitrary: fc.array(value(units), { minLength: width, maxLength: width }) },
      { weight: 1, arbitrary: fc.array(value(units), { minLength: 1, maxLength: width + 2 }) },
    );
    const written = (n: number) =>
      fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 })), {
        minLength: n,
        maxLength: n,
      });
    return fc.record({
      encoding: fc.constant(encoding),
      // One column cannot show its separator; it is then read as comma-separated.
      delimiter: fc.constant(width === 1 ? ',' : delimiter),
      header: fc.constant(header),
      headerStyle: written(width),
      records: fc.array(fc.tuple(record, written(width + 2), fc.constantFrom(...LINE_ENDS)), {
        maxLength: 12,
      }),
      lead: fc.constantFrom('', '\r\n', '\n  \n'),
      lineEnd: fc.constantFrom(...LINE_ENDS),
      last: fc.boolean(),
    });
  })
  .map((g) => {
    const d = g.delimiter;
    const headerLine = g.header
      .map((name, i) => {
        const [quote, spaces] = g.headerStyle[i] ?? [false, 0];
        return quote ? `"${name}"${' '.repeat(spaces)}` : `${' '.repeat(spaces)}${name}`;
      })
      .join(d);
    let text = g.lead + headerLine;
    let end: string = g.lineEnd;
    for (const [values, style, next] of g.records) {
      text += end + values.map((v, i) => writeValue(v, d, ...(style[i] ?? [false, 0]))).join(d);
      end = next;
    }
    if (g.last) text += end;
    // Rows whose values are all blank are skipped, by the reader's rule.
    const records = g.records.map(([values]) => values).filter((row) => row.some((v) => v.trim()));
    return { encoding: g.encoding, delimiter: d, header: g.header, records, text };
  });

function bytesOf(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'UTF-8':
      return new TextEncoder().encode(text);
    case 'UTF-8 with BOM':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'Windows-1252':
      return new Uint8Array(iconv.encode(text, 'win1252'));
    case 'UTF-16': {
      const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
      return new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    }
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the reader says the encoding is: Windows-1252 bytes of plain ASCII are UTF-8 too. */
function encodingRead(x: Extract, bytes: Uint8Array): Encoding {
  return x.encoding === 'Windows-1252' && isUtf8(bytes) ? 'UTF-8' : x.encoding;
}

/** Windows-1252 bytes that happen to be UTF-8 as well, yet say something else that way. */
function readsOtherwiseAsUtf8(x: Extract, bytes: Uint8Array): boolean {
  return (
    x.encoding === 'Windows-1252' &&
    isUtf8(bytes) &&
    [...x.text].some((c) => c.charCodeAt(0) > 0x7f)
  );
}

let dir = '';
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'returndesk-extract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function onDisk(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `extract-${files++}.csv`);
  await writeFile(path, bytes);
  return path;
}

/** The wizard's door keeps records in a column store: as wide as the header, with value counts. */
async function throughTheWizard(bytes: Uint8Array, slice: number) {
  const p = await readExtractFile(new Blob([bytes]), () => undefined, slice);
  const rows = Array.from({ length: p.store.rows }, (_, r) => p.store.row(r));
  const counts = rows.map((_, r) => p.store.valueCount(r));
  return { header: p.header, delimiter: p.delimiter, encoding: p.encoding, rows, counts };
}

const asWide = (rows: readonly (readonly string[])[], width: number) =>
  rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));

describe('one extract, two doors', () => {
  it('reads the same header and records through the wizard and the command line', async () => {
    await fc.assert(
      fc.asyncProperty(extracts, fc.integer({ min: 1, max: 64 }), async (x, slice) => {
        const bytes = bytesOf(x.text, x.encoding);
        fc.pre(!readsOtherwiseAsUtf8(x, bytes));
        const encoding = encodingRead(x, bytes);
        const cli = await readExtract(await onDisk(bytes));
        const wizard = await throughTheWizard(bytes, slice);

        expect(cli).toEqual({
          header: x.header,
          rows: x.records,
          delimiter: x.delimiter,
          encoding,
        });
        expect(wizard).toEqual({
          header: cli.header,
          delimiter: cli.delimiter,
          encoding: cli.encoding,
          rows: asWide(cli.rows, cli.header.length),
          counts: cli.rows.map((row) => row.length),
        });
      }),
      { seed: 20110314, numRuns: 300 },
    );
  });

  it('refuses a quote that is never closed through both doors, naming the same line', async () => {
    await fc.assert(
      fc.asyncProperty(
        extracts,
        fc.string({ unit: fc.constantFrom(...ANSI_UNITS.filter((c) => c !== '"')) }),
        fc.integer({ min: 1, max: 64 }),
        async (x, rest, slice) => {
          const before = /[\r\n]$/.test(x.text) ? x.text : `${x.text}\n`;
          const text = `${before}7${x.delimiter}"${rest}`;
          const bytes = bytesOf(text, x.encoding);
          fc.pre(!readsOtherwiseAsUtf8({ ...x, text }, bytes));
          const line = lineBreaks(before) + 1;

          const path = await onDisk(bytes);
          await expect(readExtract(path)).rejects.toThrow(
            `${path}: line ${line} has a quote that is never closed; check the extract in a text editor.`,
          );
          const refused = await throughTheWizard(bytes, slice).catch((e: unknown) => e);
          expect(refused).toBeInstanceOf(ExtractFormatError);
          expect((refused as ExtractFormatError).line).toBe(line);
          expect((refused as Error).message).toBe(
            `Line ${line} has a quote that is never closed; check the extract in a text editor.`,
          );
        },
      ),
      { seed: 20110315, numRuns: 150 },
    );
  });
});

/** Line breaks in a text, CRLF counting once. */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
