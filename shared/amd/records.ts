// Per-record checks, written for speed: a million records must validate about as fast as a plain
// CSV parse, so per-line work is a split plus cheap tests, and costlier tests run only on lines
// that contain the character they look for.
import type { FindingList } from './findings';
import type { HeaderInfo } from './header';
import { HEADER_LINE as H } from './model';
import { KeyHashSet } from './keyset';
import type { IlrCatalogue } from '../ilr/catalogue';
import { PROVIDER_FIELD, RECOMMENDED_KEYS, REQUIRED_KEY_VALUES, findField } from '../ilr/catalogue';

// Excel always writes the exponent's sign (9.91E+12); without it, 12E45 is a plausible reference.
const EXPONENT = /^[+-]?\d+(?:\.\d+)?[eE][+-]\d+$/;
/** Control characters have no place in a text file's values; NUL often means a damaged copy. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\t]/;
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** HEFCE: values above about 20,000 are unsuitable for the checksum. */
export const CHECKSUM_LIMIT = 20000;
/** Summing in a double is exact only up to 2^53; past 2^52 the sum moves to BigInt. */
const SAFE_SUM = 2 ** 52;

export interface RecordCheckOptions {
  catalogue?: IlrCatalogue;
  onRecord?: (values: string[], line: number) => void;
}

export class RecordChecker {
  private readonly columns: number;
  private readonly fields: string[];
  private readonly keyIdx: number[];
  private readonly requiredIdx: number[];
  private readonly checksumIdx: number;
  private readonly providerIdx: number;
  private readonly maxLen: (number | null)[];
  private readonly keys = new KeyHashSet(4096);
  private count = 0;
  private sum = 0;
  private bigSum: bigint | null = null;
  private checksumBroken = false;
  private overLimit = 0;
  private firstOverLimit = 0;

  constructor(
    private readonly header: HeaderInfo,
    private readonly out: FindingList,
    private readonly opts: RecordCheckOptions,
  ) {
    const fields = header.fields;
    this.fields = fields;
    this.columns = fields.length;
    const idx = (f: string) => fields.indexOf(f);
    // Addition files have no line 5; their records are still keyed by HEFCE's recommended keys.
    const keyFields =
      header.kind === 'ADD' && header.dataSet
        ? RECOMMENDED_KEYS[header.dataSet].filter((f) => fields.includes(f))
        : header.uniqueFields.filter((f) => fields.includes(f));
    this.keyIdx = keyFields.map(idx);
    this.requiredIdx = keyFields.filter((f) => REQUIRED_KEY_VALUES.has(f)).map(idx);
    this.checksumIdx = header.checksumField ? idx(header.checksumField) : -1;
    this.providerIdx = header.dataSet && header.upin ? idx(PROVIDER_FIELD[header.dataSet]) : -1;
    const cat = opts.catalogue;
    this.maxLen = fields.map((f) => (cat ? (findField(cat, f)?.length ?? null) : null));
  }

  /** Where a field's length comes from and how sure it is: the catalogue is reconstructed. */
  private lengthSource(i: number): string {
    const cat = this.opts.catalogue;
    const f = cat ? findField(cat, this.fields[i] ?? '') : undefined;
    return cat && f ? ` (${cat.year}, ${f.confidence})` : '';
  }

  /** A line too long to read still occupies a record's place. */
  skipped(): void {
    this.count++;
    this.checksumBroken = true;
  }

  record(line: string, n: number): void {
    this.count++;
    const values = line.split(',');
    const out = this.out;
    if (CONTROL.test(line))
      this.eachMatching(
        values,
        n,
        (v) => CONTROL.test(v),
        'AMD_CONTROL_CHARACTER',
        'contains a control character (such as NUL or TAB)',
      );
    if (values.length !== this.columns) {
      out.add(
        'AMD_RECORD_FIELDS',
        `Line ${n} has ${values.length} value${values.length === 1 ? '' : 's'} but line 12 lists ${this.columns} field${this.columns === 1 ? '' : 's'}.`,
        {
          line: n,
          value: line,
        },
      );
      // Positions are unreliable on this line, so its checksum value cannot be trusted either.
      this.checksumBroken = true;
      return;
    }
    this.opts.onRecord?.(values, n);
    if (line.indexOf('"') >= 0)
      this.eachMatching(
        values,
        n,
        (v) => v.indexOf('"') >= 0,
        'AMD_QUOTED_VALUE',
        'contains a double quote',
      );
    if (line.indexOf('E') >= 0 || line.indexOf('e') >= 0) {
      this.eachMatching(
        values,
        n,
        (v) => EXPONENT.test(v),
        'AMD_EXCEL_EXPONENT',
        "is in Excel's exponent form",
      );
    }
    if (line.indexOf('/') >= 0 || line.indexOf('-') >= 0) {
      this.eachMatching(
        values,
        n,
        (v) => SLASH_DATE.test(v) || ISO_DATE.test(v),
        'AMD_EXCEL_DATE',
        'looks like a date rewritten by a spreadsheet',
      );
    }
    if (this.providerIdx >= 0) {
      const v = values[this.providerIdx] ?? '';
      if (v !== this.header.upin) {
        const field = this.fields[this.providerIdx] ?? null;
        const lostZeros =
          v !== '' && /^\d+$/.test(v) && v.length < 6 && v.padStart(6, '0') === this.header.upin;
        out.add(
          'AMD_PROVIDER_MISMATCH',
          lostZeros
            ? `Line ${n}: ${field} is ${v} but the file name's UPIN is ${this.header.upin}: the leading zeros were lost.`
            : `Line ${n}: ${field} is '${v}' but the file name's UPIN is ${this.header.upin}.`,
          { line: n, field, value: v },
        );
      }
    }
    if (this.keyIdx.length > 0) this.checkKey(values, n);
    if (this.checksumIdx >= 0) this.addChecksum(values[this.checksumIdx] ?? '', n);
    if (this.opts.catalogue) {
      for (let i = 0; i < values.length; i++) {
        const max = this.maxLen[i];
        const v = values[i] ?? '';
        if (max != null && v.length > max) {
          out.add(
            'AMD_VALUE_TOO_LONG',
            `Line ${n}: ${this.fields[i]} is ${v.length} characters long; the catalogue gives ${max}${this.lengthSource(i)}.`,
            {
              line: n,
              field: this.fields[i] ?? null,
              value: v,
            },
          );
        }
      }
    }
  }

  /** Ends the file: compares the checksum and returns the number of records. */
  finish(): number {
    const h = this.header;
    if (this.overLimit > 0) {
      this.out.add(
        'AMD_CHECKSUM_UNSUITABLE',
        `${this.overLimit} value${this.overLimit === 1 ? '' : 's'} of checksum field ${h.checksumField} ${this.overLimit === 1 ? 'exceeds' : 'exceed'} ${CHECKSUM_LIMIT}, the first at line ${this.firstOverLimit}.`,
        {
          line: this.firstOverLimit,
          field: h.checksumField ?? null,
        },
      );
    }
    if (h.checksumField && h.declaredChecksum !== undefined && !this.checksumBroken) {
      const total = this.bigSum ?? BigInt(this.sum);
      if (total !== h.declaredChecksum) {
        this.out.add(
          'AMD_CHECKSUM_VALUE',
          `Line 9 says ${h.declaredChecksum} but the values of ${h.checksumField} add up to ${total}.`,
          {
            line: H.checksumValue,
            field: h.checksumField,
            value: String(h.declaredChecksum),
          },
        );
      }
    }
    return this.count;
  }

  private eachMatching(
    values: string[],
    n: number,
    test: (v: string) => boolean,
    code: 'AMD_QUOTED_VALUE' | 'AMD_EXCEL_EXPONENT' | 'AMD_EXCEL_DATE' | 'AMD_CONTROL_CHARACTER',
    what: string,
  ): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? '';
      if (test(v)) {
        const field = this.fields[i] ?? null;
        this.out.add(code, `Line ${n}: ${field} '${v}' ${what}.`, { line: n, field, value: v });
      }
    }
  }

  private checkKey(values: string[], n: number): void {
    for (const i of this.requiredIdx) {
      if ((values[i] ?? '').trim() === '') {
        const field = this.fields[i] ?? null;
        this.out.add('AMD_KEY_EMPTY', `Line ${n}: ${field} is empty but identifies the record.`, {
          line: n,
          field,
          value: '',
        });
      }
    }
    let key = values[this.keyIdx[0] ?? 0] ?? '';
    for (let k = 1; k < this.keyIdx.length; k++)
      key += '\u0000' + (values[this.keyIdx[k] ?? 0] ?? '');
    const earlier = this.keys.addOrGet(key, n);
    if (earlier !== undefined) {
      const shown = this.keyIdx.map((i) => `${this.fields[i]}=${values[i]}`).join(', ');
      this.out.add(
        'AMD_DUPLICATE_KEY',
        `Line ${n} has the same unique fields as line ${earlier} (${shown}).`,
        {
          line: n,
          value: shown,
        },
      );
    }
  }

  private addChecksum(v: string, n: number): void {
    if (!isWholeNumber(v)) {
      this.checksumBroken = true;
      this.out.add(
        'AMD_CHECKSUM_NON_NUMERIC',
        `Line ${n}: checksum field ${this.header.checksumField} is '${v}', not a whole number.`,
        {
          line: n,
          field: this.header.checksumField ?? null,
          value: v,
        },
      );
      return;
    }
    const x = v.length <= 15 ? Number(v) : Infinity;
    if (x > CHECKSUM_LIMIT && this.overLimit++ === 0) this.firstOverLimit = n;
    if (this.bigSum === null && this.sum + x < SAFE_SUM) {
      this.sum += x;
      return;
    }
    this.bigSum = (this.bigSum ?? BigInt(this.sum)) + BigInt(v);
  }
}

/** Digits only: no sign, no spaces, no decimal point. Leading zeros are fine (`01`). */
export function isWholeNumber(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
