// The rules of the one extract reader, each shown on a small extract and read in every piece size
// from one character up, since a file streams in pieces that can cut anywhere.
import { describe, expect, it } from 'vitest';
import { ExtractFormatError, ExtractTextReader, detectDelimiter } from '../../../shared/extract';
import { readBytes, readText } from './support';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The same result whatever size of piece the text arrives in. */
function readAnyhow(text: string) {
  const whole = readText(text);
  for (let piece = 1; piece <= Math.min(text.length, 12); piece++) {
    expect(readText(text, piece), `in pieces of ${piece}`).toEqual(whole);
  }
  return whole;
}

function failureOf(text: string, piece?: number): ExtractFormatError {
  try {
    readText(text, piece);
  } catch (e) {
    if (e instanceof ExtractFormatError) return e;
    throw e;
  }
  throw new Error('the extract was read without an error');
}

describe('values', () => {
  it('keeps every value as written: leading zeros, Excel exponents, spaces', () => {
    const r = readAnyhow('A01,A03,A27\r\n105432,000012345678, 9.91E+12 \r\n');
    expect(r.rows).toEqual([['105432', '000012345678', ' 9.91E+12 ']]);
  });

  it('trims the header’s names, which MIS exports pad', () => {
    expect(readAnyhow(' A01 ,\tA03,"A27 "\n1,2,3\n').header).toEqual(['A01', 'A03', 'A27']);
  });

  it('reads quoted values holding separators, doubled quotes and line breaks', () => {
    const r = readAnyhow('A01,NAME\n1,"Smith, Ann"\n2,"say ""hi"""\n3,"two\r\nlines"\n4,""\n');
    expect(r.rows).toEqual([
      ['1', 'Smith, Ann'],
      ['2', 'say "hi"'],
      ['3', 'two\r\nlines'],
      ['4', ''],
    ]);
  });

  it('drops spaces after a closing quote, and takes a quote inside a value as a character', () => {
    expect(readAnyhow('A,B\n"x"  ,5\'6"\n').rows).toEqual([['x', '5\'6"']]);
  });

  it('keeps rows with fewer or more values than the header as they are', () => {
    expect(readAnyhow('A,B\n1\n2,3,4\n').rows).toEqual([['1'], ['2', '3', '4']]);
  });
});

describe('rows', () => {
  it('ends a row at CRLF, LF or a lone CR, mixed in one file', () => {
    expect(readAnyhow('A,B\r\n1,2\n3,4\r5,6').rows).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('skips rows whose values are all blank: empty lines, spaces, and Excel’s ,,,', () => {
    const r = readAnyhow('\r\n  \nA01,NAME\n\n1,Ann\n   \n,,\n ,""\n2,Bob\n\n');
    expect(r.header).toEqual(['A01', 'NAME']);
    expect(r.rows).toEqual([
      ['1', 'Ann'],
      ['2', 'Bob'],
    ]);
  });

  it('gives an empty extract no header and no records', () => {
    expect(readText('')).toEqual({ header: [], rows: [], delimiter: ',' });
    expect(readText('\n \n')).toEqual({ header: [], rows: [], delimiter: ',' });
  });
});

describe('the separator', () => {
  it('is the one that splits the header row into the most values', () => {
    expect(detectDelimiter('A01;A03;A05\n1,2;3;4')).toBe(';');
    expect(detectDelimiter('A01\tA03\n')).toBe('\t');
    expect(detectDelimiter('A01|A03|A05\n')).toBe('|');
    expect(detectDelimiter('A01,A03;A05,A27\n')).toBe(',');
    expect(readAnyhow('A01;A03\r\n105432;0001,5\r\n').rows).toEqual([['105432', '0001,5']]);
  });

  it('is comma when nothing splits the header, or on a tie', () => {
    expect(detectDelimiter('A01\n1;2;3\n')).toBe(',');
    expect(detectDelimiter('A01;A03,A05\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });

  it('is not fooled by a separator inside a quoted name', () => {
    expect(detectDelimiter('"A;01";"A;03"\n')).toBe(';');
    expect(detectDelimiter('"Name, full"\tA01\n')).toBe('\t');
  });

  it('is judged on the first row that is not blank', () => {
    expect(readAnyhow('\n\nA01\tA03\n1\t2').delimiter).toBe('\t');
  });

  it('decides from the header row it has once a quote left open in it has held back a megabyte', () => {
    // Read with semicolons, the quote in the header opens a value that never closes; read with
    // commas the row is clean. Waiting for the end would hold the whole file.
    let heard: string[] | undefined;
    const reader = new ExtractTextReader({
      header: (names) => (heard = names),
      records: () => undefined,
    });
    reader.write('A01;"x,A03\n');
    expect(heard).toBeUndefined();
    let written = 0;
    for (; written < 2 << 20 && !heard; written += 1200) reader.write('105432,0001\n'.repeat(100));
    expect(written).toBeLessThan(1.1 * (1 << 20));
    expect(heard).toEqual(['A01;"x', 'A03']);
    expect(reader.end().delimiter).toBe(',');
  });

  it('waits for the whole header row before deciding', () => {
    expect(detectDelimiter('A01;A03', false)).toBeUndefined();
    expect(detectDelimiter('A01;A03\n', false)).toBe(';');
  });
});

describe('faults', () => {
  it('refuses a quote that is never closed, naming the line it opens on', () => {
    const e = failureOf('A,B\n1,"a\nb\n2,3\n');
    expect(e.line).toBe(2);
    expect(e.message).toBe(
      'Line 2 has a quote that is never closed; check the extract in a text editor.',
    );
    expect(failureOf('A,B\n1,"a\nb\n2,3\n', 1).line).toBe(2);
  });

  it('counts the lines inside quoted values when naming a line', () => {
    expect(failureOf('A,B\n1,"x\r\ny\rz"\n2,"open\n').line).toBe(5);
  });

  it('refuses text after a closing quote, naming its line', () => {
    const e = failureOf('A,B\n1,2\n3,"x\ny"z,4\n');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^Line 4 has text after the closing quote of a quoted value/);
  });
});

describe('bytes', () => {
  it('reads a UTF-8 extract, with or without a byte-order mark, even cut inside a character', async () => {
    const text = 'A01,NAME\r\n1,Zoë “Zed”\r\n';
    for (const [bytes, encoding] of [
      [utf8(text), 'UTF-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'UTF-8 with BOM'],
    ] as const) {
      for (const piece of [1, 2, 3, 5, 64]) {
        expect(await readBytes(bytes, piece)).toEqual({
          header: ['A01', 'NAME'],
          rows: [['1', 'Zoë “Zed”']],
          delimiter: ',',
          encoding,
        });
      }
    }
  });

  it('reads the file again as Windows-1252 when a byte cannot be UTF-8, even late', async () => {
    // "A01;NAME\n" then 200 plain rows, then "2;€5 “ok”" in Windows-1252.
    const plain = 'A01;NAME\n' + '1;x\n'.repeat(200);
    const bytes = new Uint8Array([
      ...utf8(plain),
      0x32,
      0x3b,
      0x80,
      0x35,
      0x20,
      0x93,
      0x6f,
      0x6b,
      0x94,
    ]);
    for (const piece of [1, 7, 4096]) {
      const r = await readBytes(bytes, piece);
      expect(r.encoding).toBe('Windows-1252');
      expect(r.rows).toHaveLength(201);
      expect(r.rows.at(-1)).toEqual(['2', '€5 “ok”']);
    }
  });

  it('reads Excel’s UTF-16 “Unicode text” by its mark', async () => {
    const units = [...'A01\tA03\r\n1\t€\r\n'].map((c) => c.charCodeAt(0));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    for (const bytes of [le, be]) {
      expect(await readBytes(bytes, 3)).toEqual({
        header: ['A01', 'A03'],
        rows: [['1', '€']],
        delimiter: '\t',
        encoding: 'UTF-16',
      });
    }
  });
});
