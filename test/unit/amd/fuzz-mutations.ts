// Deterministic damage to valid files, and an independent judge of damage that the guide's rules
// must catch. The judge answers only where it is sure: a file it cannot judge (a letter added to
// a note, two records swapped) may well still be valid.
import { parseDdMmYyyy, splitFieldList } from '../../../shared/amd';
import { mulberry32 } from '../../support/random';

export type Rng = () => number;

/** mulberry32: small, seeded, the same sequence on every machine. */
export const seeded = (seed: number): Rng => mulberry32(seed);

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

/** What damaged files contain: line breaks, the format's delimiters, marks, controls, non-ASCII. */
const PIECES = [
  '\r',
  '\n',
  '\r\n',
  ',',
  '"',
  '\uFEFF',
  '\u0000',
  ' ',
  '\t',
  'x',
  '9',
  'E+',
  'ł',
  '€',
  '\u00a0',
];

function randomPiece(r: Rng): string {
  let s = '';
  for (let n = 1 + int(r, 6); n > 0; n--) {
    s += r() < 0.8 ? pick(r, PIECES) : String.fromCharCode(int(r, 0x300));
  }
  return s;
}

function onLines(text: string, f: (lines: string[]) => void): string {
  const lines = text.split('\n');
  f(lines);
  return lines.join('\n');
}

/** A line of `n` characters of a record's alphabet, commas included. */
function longLine(r: Rng, n: number): string {
  const unit = pick(r, ['x', '0,', 'A1 ', ',,,,']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

export const MUTATIONS: Record<string, (t: string, r: Rng) => string> = {
  deleteLine: (t, r) => onLines(t, (l) => l.splice(int(r, l.length), 1)),
  duplicateLine: (t, r) =>
    onLines(t, (l) => {
      const i = int(r, l.length);
      l.splice(i, 0, l[i] ?? '');
    }),
  swapLines: (t, r) =>
    onLines(t, (l) => {
      const i = int(r, l.length);
      const j = int(r, l.length);
      [l[i], l[j]] = [l[j] ?? '', l[i] ?? ''];
    }),
  insertBytes: (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + randomPiece(r) + t.slice(at);
  },
  replaceChar: (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + randomPiece(r) + t.slice(at + 1);
  },
  addBom: (t) => '\uFEFF' + t,
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  longLine: (t, r) =>
    onLines(t, (l) => {
      // Now and then longer than the validator's one-million-character line limit.
      const n = r() < 0.004 ? 1_000_001 + int(r, 50_000) : 100 + int(r, 20_000);
      l.splice(int(r, l.length + 1), 0, longLine(r, n) + '\r');
    }),
  lfOnly: (t) => t.replace(/\r\n/g, '\n'),
  crOnly: (t) => t.replace(/\r\n/g, '\r'),
  noFinalBreak: (t) => t.replace(/\r\n$/, ''),
};

export function mutate(text: string, r: Rng): { text: string; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const name = pick(r, names);
    applied.push(name);
    out = MUTATIONS[name]?.(out, r) ?? out;
  }
  return { text: out, applied };
}

/** Random chunk boundaries, larger for long texts so the test stays quick. */
export function chunksOf(text: string, r: Rng): string[] {
  const max = text.length > 100_000 ? 131_072 : 1 + int(r, 512);
  const min = text.length > 100_000 ? 16_384 : 1;
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = min + int(r, max - min + 1);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * True where the damaged `text` certainly breaks a rule, judged positionally against the valid
 * `base` it came from (provider field and UPIN from the base).
 */
export function certainlyInvalid(text: string, base: string, upin: string): boolean {
  if (text === base) return false;
  if (text === '' || text.startsWith('\uFEFF')) return true;
  if (/(^|[^\r])\n|\r(?!\n)/.test(text) || !text.endsWith('\r\n')) return true;
  const lines = text.slice(0, -2).split('\r\n');
  if (lines.some((l) => l.length > 1_000_000) || lines.length < 12) return true;
  const was = base.slice(0, -2).split('\r\n');
  const at = (ls: string[], n: number) => ls[n - 1] ?? '';
  for (const n of [1, 4, 8]) if (at(lines, n).trim() !== at(was, n).trim()) return true;
  // Line 2 damaged into another real date is still a creation date (no `today` is given).
  if (!parseDdMmYyyy(at(lines, 2).trim())) return true;
  for (const n of [5, 6, 12]) {
    if (splitFieldList(at(lines, n)).join('|') !== splitFieldList(at(was, n)).join('|'))
      return true;
  }
  if (at(lines, 3).trim() === '') return true;
  return recordsInvalid(lines, splitFieldList(at(was, 12))[0] ?? '', upin);
}

function recordsInvalid(lines: string[], providerField: string, upin: string): boolean {
  const fields = splitFieldList(lines[11] ?? '');
  const tail = lines.slice(12);
  const records = tail.filter((l) => l !== '');
  // An empty line with a record after it.
  if (tail.some((l, i) => l === '' && tail.slice(i + 1).some((x) => x !== ''))) return true;
  if (new Set(records).size !== records.length) return true;
  const count = (lines[6] ?? '').trim();
  if (!/^\d+$/.test(count) || BigInt(count) !== BigInt(records.length)) return true;
  const sumIdx = fields.indexOf((lines[7] ?? '').trim());
  const providerIdx = fields.indexOf(providerField);
  let sum = 0n;
  for (const record of records) {
    const values = record.split(',');
    if (values.length !== fields.length || record.includes('"')) return true;
    if (values[providerIdx] !== upin) return true;
    const v = values[sumIdx] ?? '';
    if (!/^\d+$/.test(v)) return true;
    sum += BigInt(v);
  }
  const declared = (lines[8] ?? '').trim();
  return !/^\d+$/.test(declared) || BigInt(declared) !== sum;
}
