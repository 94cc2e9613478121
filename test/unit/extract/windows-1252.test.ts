// The one Windows-1252 table, against iconv-lite's (a reference, used only here).
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeWindows1252, encodeWindows1252, isWindows1252 } from '../../../shared/extract';

/** Bytes Windows-1252 leaves undefined: iconv-lite reads them as U+FFFD, browsers as C1 controls. */
const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const ALL = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('Windows-1252', () => {
  it('reads every byte as iconv-lite does, € and smart quotes included', () => {
    const expected = iconv.decode(Buffer.from(ALL), 'win1252');
    const got = decodeWindows1252(ALL);
    expect(got).toHaveLength(256);
    for (let b = 0; b < 256; b++) {
      if (UNDEFINED.includes(b)) expect(got.charCodeAt(b)).toBe(b);
      else expect(got[b], `byte ${b.toString(16)}`).toBe(expected[b]);
    }
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x91, 0x92]))).toBe('€“”‘’');
  });

  it('writes every character it holds as iconv-lite does, and anything else as ?', () => {
    const text = iconv
      .decode(Buffer.from(ALL), 'win1252')
      .split('')
      .filter((c) => c !== '\ufffd')
      .join('');
    expect([...encodeWindows1252(text)]).toEqual([...iconv.encode(text, 'win1252')]);
    expect([...encodeWindows1252('Zoë ł €')]).toEqual([...iconv.encode('Zoë ? €', 'win1252')]);
    expect([...encodeWindows1252('\u0081')]).toEqual([0x3f]);
  });

  it('reads long runs whole', () => {
    const bytes = new Uint8Array(100_000).fill(0x80);
    expect(decodeWindows1252(bytes)).toBe('€'.repeat(100_000));
  });

  it('says which characters it can hold', () => {
    expect(['a', 'é', '€', '“', 'Ÿ', '\u00a0'].every(isWindows1252)).toBe(true);
    expect(['ł', '\u0081', '😀', '\u2028'].some(isWindows1252)).toBe(false);
  });
});
