// Streaming validation of one amendment file: text goes in chunk by chunk, so a million-record
// file is checked in constant memory. Everything here is pure; reading bytes is the caller's job.
import type { CalendarDate } from './model';
import { HEADER_LINES, HEADER_LINE as H } from './model';
import { parseAmendmentFileName } from './names';
import { FindingList } from './findings';
import type { Finding } from './findings';
import { checkHeader } from './header';
import type { HeaderInfo } from './header';
import { RecordChecker } from './records';
import { RULESET_VERSION } from './rules';
import type { IlrCatalogue } from '../ilr/catalogue';
import { ADDITION_SCOPE, DATA_SET_NAMES } from './model';
import type { IlrXmlSummary } from '../ilr-xml/model';
import type { DeletedRecords } from './cascade';
import { DeletionKeys } from './cascade';

export interface ValidateOptions {
  /** The file's base name (no folder): the name is itself checked. */
  fileName: string;
  /** With a catalogue (`--year`), field codes, lengths and addition completeness are checked too. */
  catalogue?: IlrCatalogue;
  /** For the future-date check; omit to skip it. */
  today?: CalendarDate;
  /** Receives each record's values, e.g. to read a file back after building it. */
  onRecord?: (values: string[], line: number) => void;
}

export interface FileReport {
  file: string;
  valid: boolean;
  errors: number;
  warnings: number;
  records: number;
  recordsAffected: number;
  findings: Finding[];
  ruleset: string;
  catalogue: string | null;
  /** The .amd header; empty for an ILR XML file, whose header is summarised in `xml`. */
  header: HeaderInfo;
  /**
   * Only for ILR XML files (shared/ilr-xml): what the header says and what the file holds. There,
   * `records` counts learners and `recordsAffected` learners with findings.
   */
  xml?: IlrXmlSummary;
  /** Only for deletion files: what they delete, so files checked together can be compared. */
  deleted?: DeletedRecords;
}

/** A line this long is not a record: stop buffering it rather than grow without bound. */
const MAX_LINE = 1_000_000;
const CR = 13;
const LF = 10;

/** How a line ended; `none` only for the last line of a file with no line break after it. */
type LineEnding = 'crlf' | 'lf' | 'cr' | 'none';

/**
 * Which characters break lines, decided by the file's first line break. Most files end lines with
 * CR LF or LF, and there a lone CR is a stray character inside a line; a file whose first line ends
 * with a lone CR (old Mac text, or the guide's "separated by a carriage return" taken literally)
 * breaks lines at every CR or LF.
 */
type BreakMode = 'unknown' | 'lf' | 'any';

export class AmendmentFileValidator {
  private readonly out = new FindingList(HEADER_LINES + 1);
  private readonly headerLines: string[] = [];
  private header: HeaderInfo | undefined;
  private records: RecordChecker | undefined;
  private deletions: DeletionKeys | undefined;
  private carry = '';
  private overlong = false;
  private lineNo = 0;
  private started = false;
  private pendingBlank: number[] = [];
  private breaks: BreakMode = 'unknown';
  private lfLines = 0;
  private firstLfLine = 0;
  private crLines = 0;
  private firstCrLine = 0;
  private strayCr = false;
  private finished: FileReport | undefined;

  constructor(private readonly opts: ValidateOptions) {
    const parsed = parseAmendmentFileName(opts.fileName);
    if (!parsed.ok) {
      this.out.add(
        'AMD_FILENAME',
        `'${opts.fileName}' is not a valid amendment file name: ${parsed.problem}.`,
      );
    } else if (parsed.name.additionType) {
      const allowed = ADDITION_SCOPE[parsed.name.additionType];
      if (!allowed.includes(parsed.name.dataSet)) {
        this.out.add(
          'AMD_ADDITION_SCOPE',
          `'${opts.fileName}' adds to the ${DATA_SET_NAMES[parsed.name.dataSet]} data set with addition type ${parsed.name.additionType}, which allows only ${allowed.join(', ')}.`,
        );
      }
    }
    this.name = parsed.ok ? parsed.name : undefined;
  }

  private readonly name;

  write(chunk: string): void {
    if (this.finished) throw new Error('write after end');
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) {
        this.out.add('AMD_BOM', 'The file starts with a UTF-8 byte-order mark.', { line: 1 });
        chunk = chunk.slice(1);
      }
    }
    let text = this.carry + chunk;
    let start = 0;
    // Next CR and LF at or after `start` (-1: none left), searched again only once passed, so a
    // chunk without one of them is scanned once, not once per line.
    let nextCr = -2;
    let nextLf = -2;
    for (;;) {
      let brk: number;
      if (this.breaks === 'lf') brk = text.indexOf('\n', start);
      else {
        if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
        if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
        brk = nextCr < 0 ? nextLf : nextLf < 0 ? nextCr : Math.min(nextCr, nextLf);
      }
      if (brk < 0) break;
      let end = brk;
      let next = brk + 1;
      let ending: LineEnding;
      if (text.charCodeAt(brk) === LF) {
        const crBefore = brk > start && text.charCodeAt(brk - 1) === CR;
        if (crBefore) end = brk - 1;
        ending = crBefore ? 'crlf' : 'lf';
      } else if (brk + 1 === text.length) {
        // A CR at the end of the text so far: the next chunk says whether an LF follows.
        break;
      } else if (text.charCodeAt(brk + 1) === LF) {
        next = brk + 2;
        ending = 'crlf';
      } else ending = 'cr';
      if (this.breaks === 'unknown') this.breaks = ending === 'cr' ? 'any' : 'lf';
      if (this.overlong) this.overlong = false;
      // Measured here too, not only on the carry: a long line must get the same finding whether
      // it arrives in one chunk or many.
      else if (end - start > MAX_LINE) this.tooLong();
      else this.line(text.slice(start, end), ending);
      start = next;
    }
    text = text.slice(start);
    // A trailing CR is the start of a line ending, not part of the line: measured as above.
    const pending = text.length - (text.charCodeAt(text.length - 1) === CR ? 1 : 0);
    if (pending > MAX_LINE && !this.overlong) {
      this.overlong = true;
      this.tooLong();
    }
    // A too-long line's text is dropped, but a CR that may end it is kept for the next chunk.
    this.carry = !this.overlong ? text : pending < text.length ? '\r' : '';
  }

  private tooLong(): void {
    // Still count the line (and keep header lines aligned) so later line numbers stay right.
    if (this.lineNo < HEADER_LINES) this.line('', 'crlf');
    else {
      this.lineNo++;
      // It stands where a record stands, so it counts as one: line 7 is compared with it included.
      this.records?.skipped();
    }
    this.out.add(
      'AMD_RECORD_FIELDS',
      `Line ${this.lineNo} is longer than ${MAX_LINE} characters: this is not an amendment file line.`,
      {
        line: this.lineNo,
      },
    );
  }

  end(): FileReport {
    if (this.finished) return this.finished;
    const last = this.carry;
    this.carry = '';
    if (last !== '' && !this.overlong) {
      // A CR ending the text ends its line: the LF that may have followed it never came.
      const cr = last.charCodeAt(last.length - 1) === CR;
      this.line(cr ? last.slice(0, -1) : last, cr ? 'cr' : 'none');
      if (!cr && this.lineNo >= HEADER_LINES) {
        this.out.add(
          'AMD_NO_FINAL_BLANK_LINE',
          `Line ${this.lineNo}, the last line, has no line break after it.`,
          {
            line: this.lineNo,
          },
        );
      }
    }
    if (this.lineNo < HEADER_LINES) {
      this.out.add(
        'AMD_HEADER_INCOMPLETE',
        this.lineNo === 0
          ? 'The file is empty.'
          : `The file has only ${this.lineNo} line${this.lineNo === 1 ? '' : 's'}; the header alone is 12.`,
        { line: this.lineNo === 0 ? null : this.lineNo },
      );
      this.header = checkHeader(this.headerLines, this.headerContext(), this.out);
    }
    if (this.lfLines > 0) {
      this.out.add(
        'AMD_LINE_ENDINGS',
        `${this.lfLines} line${this.lfLines === 1 ? ' ends' : 's end'} with LF only, the first at line ${this.firstLfLine}.`,
        {
          line: this.firstLfLine,
        },
      );
    }
    if (this.crLines > 0) {
      this.out.add(
        'AMD_LINE_ENDINGS',
        `${this.crLines} line${this.crLines === 1 ? ' ends' : 's end'} with CR only (as old Mac text files do), the first at line ${this.firstCrLine}.`,
        { line: this.firstCrLine },
      );
    }
    const header = this.header ?? { fields: [], uniqueFields: [], changedFields: [] };
    const recordCount = this.records?.finish() ?? 0;
    if (this.lineNo >= HEADER_LINES && recordCount === 0) {
      this.out.add('AMD_NO_RECORDS', 'There are no records after the 12 header lines.', {
        line: null,
      });
    }
    if (
      header.declaredCount !== undefined &&
      this.lineNo >= HEADER_LINE_COUNT_KNOWN &&
      header.declaredCount !== BigInt(recordCount)
    ) {
      this.out.add(
        'AMD_RECORD_COUNT',
        `Line 7 says ${header.declaredCount} records but the file has ${recordCount}.`,
        {
          line: H.recordCount,
          value: String(header.declaredCount),
        },
      );
    }
    const { errors, warnings } = this.out.counts();
    this.finished = {
      file: this.opts.fileName,
      valid: errors === 0,
      errors,
      warnings,
      records: recordCount,
      recordsAffected: this.out.recordsAffected,
      findings: this.out.sorted(),
      ruleset: RULESET_VERSION,
      catalogue: this.opts.catalogue?.version ?? null,
      header,
      ...(this.deletions ? { deleted: this.deletions.result() } : {}),
    };
    return this.finished;
  }

  private headerContext() {
    return {
      fileName: this.opts.fileName,
      name: this.name,
      catalogue: this.opts.catalogue,
      today: this.opts.today,
    };
  }

  private line(text: string, ending: LineEnding): void {
    const n = ++this.lineNo;
    if (ending === 'lf' && this.lfLines++ === 0) this.firstLfLine = n;
    if (ending === 'cr' && this.crLines++ === 0) this.firstCrLine = n;
    if (!this.strayCr && text.indexOf('\r') >= 0) {
      this.strayCr = true;
      this.out.add(
        'AMD_LINE_ENDINGS',
        `Line ${n} contains a carriage return that does not end the line.`,
        { line: n },
      );
    }
    if (n <= HEADER_LINES) {
      this.headerLines.push(text);
      if (n === HEADER_LINES) {
        this.header = checkHeader(this.headerLines, this.headerContext(), this.out);
        this.records = new RecordChecker(this.header, this.out, this.opts);
        if (this.header.kind === 'DELETE' && this.header.dataSet)
          this.deletions = new DeletionKeys(this.header.dataSet, this.header);
      }
      return;
    }
    if (text === '') {
      this.pendingBlank.push(n);
      return;
    }
    if (this.pendingBlank.length > 0) {
      // Empty lines are harmless at the end of the file, not between records.
      for (const b of this.pendingBlank) {
        this.out.add('AMD_BLANK_LINE', `Line ${b} is empty but more records follow it.`, {
          line: b,
        });
      }
      this.pendingBlank = [];
    }
    this.records?.record(text, n);
    this.deletions?.record(text);
  }
}

/** The record count can only be compared once the header is whole. */
const HEADER_LINE_COUNT_KNOWN = HEADER_LINES;

/** Validates a whole file held in memory. */
export function validateAmendmentText(text: string, opts: ValidateOptions): FileReport {
  const v = new AmendmentFileValidator(opts);
  v.write(text);
  return v.end();
}
