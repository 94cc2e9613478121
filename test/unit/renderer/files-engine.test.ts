import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, decodeWindows1252, detectDelimiter } from '../../../shared/extract';
import { readBlob } from '../../../renderer/screens/files/engine/decode';
import { parseExtractText } from '../../../renderer/screens/files/engine/extract-parse';
import { ColumnStore } from '../../../renderer/screens/files/engine/column-store';
import { TextLines } from '../../../renderer/screens/files/engine/text-lines';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding a chosen file', () => {
  it('reads UTF-8 with a byte-order mark, dropping the mark unless asked to keep it', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('A01,A03')]);
    expect(decodeBytes(b)).toEqual({ text: 'A01,A03', encoding: 'UTF-8 with BOM' });
    expect(decodeBytes(b, { keepBom: true }).text).toBe('\uFEFFA01,A03');
  });

  it('reads strict UTF-8 as UTF-8', () => {
    expect(decodeBytes(utf8('Zoë,£5'))).toEqual({ text: 'Zoë,£5', encoding: 'UTF-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, with € and smart quotes intact', () => {
    // "€5 “ok” £" as Windows-1252
    const b = bytes(0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0xa3);
    expect(decodeBytes(b)).toEqual({ text: '€5 “ok” £', encoding: 'Windows-1252' });
  });

  it('decodes every Windows-1252 byte as iconv-lite does, whatever the platform’s decoder does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = iconv.decode(Buffer.from(all), 'win1252');
    // iconv-lite leaves the five undefined bytes as U+FFFD; WHATWG keeps them as C1 controls.
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    const got = decodeWindows1252(all);
    for (let b = 0; b < 256; b++) {
      if (undefinedBytes.includes(b)) expect(got.charCodeAt(b)).toBe(b);
      else expect(got[b]).toBe(expected[b]);
    }
  });

  it('reads Excel’s UTF-16 “Unicode text” by its mark', () => {
    const b = bytes(0xff, 0xfe, 0x41, 0x00, 0x30, 0x00, 0x31, 0x00);
    expect(decodeBytes(b)).toEqual({ text: 'A01', encoding: 'UTF-16' });
  });

  it('reads a blob in slices, reporting progress up to its size', async () => {
    const seen: number[] = [];
    const out = await readBlob(new Blob([utf8('0123456789')]), (done) => seen.push(done), 4);
    expect(new TextDecoder().decode(out)).toBe('0123456789');
    expect(seen).toEqual([4, 8, 10]);
  });
});

describe('parsing an MIS extract', () => {
  it('keeps every value as text: leading zeros and Excel exponents survive', () => {
    const p = parseExtractText('A01,A03,A27\r\n105432,000012345678,9.91E+12\r\n');
    expect(p.header).toEqual(['A01', 'A03', 'A27']);
    expect(p.store.row(0)).toEqual(['105432', '000012345678', '9.91E+12']);
  });

  it('skips empty and whitespace-only lines, and reads quoted values', () => {
    const p = parseExtractText('A01,NAME\n\n105432,"Smith, Ann"\n   \n105432,Bob\n');
    expect(p.store.rows).toBe(2);
    expect(p.store.row(0)).toEqual(['105432', 'Smith, Ann']);
  });

  it('uses the separator of the header row (semicolons from some locales)', () => {
    expect(detectDelimiter('A01;A03;A05\n1,2;3;4')).toBe(';');
    expect(detectDelimiter('A01\tA03\n')).toBe('\t');
    expect(detectDelimiter('A01\n')).toBe(',');
    const p = parseExtractText('A01;A03\r\n105432;0001\r\n');
    expect(p.store.row(0)).toEqual(['105432', '0001']);
  });

  it('reports rows whose value count differs from the header, numbered as in the file', () => {
    const p = parseExtractText('A,B\n1,2\n3\n4,5,6\n7,8\n');
    expect(p.unevenCount).toBe(2);
    expect(p.unevenRows).toEqual([3, 4]);
    expect(p.store.valueCount(1)).toBe(1);
    expect(p.store.row(1)).toEqual(['3', '']);
  });

  it('reports progress through the text, a slice at a time, ending at its length', () => {
    const text = 'A,B\n' + '1,2\n'.repeat(1000);
    const seen: [number, number][] = [];
    const p = parseExtractText(text, (done, total) => seen.push([done, total]), 512);
    expect(p.store.rows).toBe(1000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toEqual([text.length, text.length]);
  });

  it('gives an empty extract no header and no rows', () => {
    const p = parseExtractText('');
    expect(p.header).toEqual([]);
    expect(p.store.rows).toBe(0);
  });
});

describe('the column store', () => {
  const store = () => {
    const s = new ColumnStore(2);
    s.append([
      ['105432', 'Ann'],
      ['105432', ''],
    ]);
    s.append([['000123', 'ANNE']]);
    return s.finish();
  };

  it('gives back each value exactly, across chunks', () => {
    const s = store();
    expect(s.rows).toBe(3);
    expect([s.row(0), s.row(1), s.row(2)]).toEqual([
      ['105432', 'Ann'],
      ['105432', ''],
      ['000123', 'ANNE'],
    ]);
    expect(s.row(2, [1])).toEqual(['ANNE']);
  });

  it('finds rows by any value, ignoring case', () => {
    expect([...store().search('ann')]).toEqual([0, 2]);
    expect([...store().search('0001')]).toEqual([2]);
    expect([...store().search('')]).toEqual([0, 1, 2]);
  });

  it('does not count a match that runs from one value into the next', () => {
    // Column 0 holds "105432" then "105432": "32105" only exists across the join.
    expect([...store().search('32105')]).toEqual([]);
  });

  it('searches value by value where lower-casing changes a value’s length', () => {
    const s = new ColumnStore(1);
    s.append([['İstanbul'], ['Leeds'], ['istanbul']]);
    s.finish();
    expect([...s.search('leeds')]).toEqual([1]);
    expect([...s.search('stanbul')]).toEqual([0, 2]);
  });

  it('grows past its first capacity', () => {
    const s = new ColumnStore(1);
    s.append(Array.from({ length: 5000 }, (_, i) => [String(i)]));
    s.finish();
    expect(s.cell(4999, 0)).toBe('4999');
    expect(s.search('4999').length).toBe(1);
  });
});

describe('text lines', () => {
  it('indexes lines without keeping a million strings, CRLF or LF', () => {
    const t = new TextLines('one\r\ntwo\r\nthree\r\n');
    expect(t.count).toBe(3);
    expect(t.slice(0, 10)).toEqual(['one', 'two', 'three']);
    expect(t.slice(1, 2)).toEqual(['two']);
  });

  it('counts a last line without a line break, and an empty text as none', () => {
    expect(new TextLines('a\nb').count).toBe(2);
    expect(new TextLines('a\nb').slice(1, 2)).toEqual(['b']);
    expect(new TextLines('').count).toBe(0);
    expect(new TextLines('a\n\n').slice(0, 5)).toEqual(['a', '']);
  });
});
