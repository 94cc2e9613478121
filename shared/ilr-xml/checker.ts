// Streaming checks of one ILR 2011-12 XML amendment file. Text goes in chunk by chunk; what stays
// in memory is counters, the names of the open elements, the header values and a set of 64-bit
// hashes of learner references, so a 200 MB file is checked like a small one. Pure: reading and
// decoding bytes is the caller's job.
import { SaxesParser } from 'saxes';
import type { SaxesStartTagPlain, SaxesTagPlain, XMLDecl } from 'saxes';
import type { CalendarDate } from '../amd/model';
import { FindingList } from '../amd/findings';
import type { FileReport } from '../amd/validate';
import { AmpersandScanner } from './ampersands';
import { checkComplete, checkEncoding, checkFileName, checkNameYear, checkRoot } from './document';
import type { ElementNames } from './element-names';
import { HEADER_GROUPS, HeaderValues, checkHeader, checkProvider } from './header';
import type { Place } from './header';
import { LearnerChecks } from './learners';
import type { IlrXmlFileName } from './names';
import { XML_RULESET_VERSION } from './rules';

export interface IlrXmlCheckOptions {
  /** The file's base name (no folder): the name is itself checked. */
  fileName: string;
  /** For the future-date checks; omit to skip them. */
  today?: CalendarDate;
  /** How the bytes were decoded; streamText falls back to Windows-1252 when they are not UTF-8. */
  bytes?: 'utf-8' | 'windows-1252';
}

/** Which child of Message the parser is in. */
type Section = 'outside' | 'header' | 'provider' | 'learner' | 'other';

/** What the text handler is collecting, while it is attached at all. */
type Capture = 'none' | 'learnRef' | 'headerLeaf' | 'providerUkprn';

/** A value longer than this is wrong anyway; keeping more would only cost memory. */
const MAX_VALUE = 1000;

export class IlrXmlChecker {
  private readonly out = new FindingList(Number.POSITIVE_INFINITY);
  // Namespaces are resolved by hand, on the root only: saxes' xmlns mode costs time on every
  // element, and an ILR file binds its one namespace once, on Message.
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly amps = new AmpersandScanner();
  private readonly name: IlrXmlFileName | undefined;
  private readonly values = new HeaderValues();
  private readonly learners = new LearnerChecks(this.out);
  private names: ElementNames | undefined;
  /** Set by the root: a 2012-13 or later namespace's year, e.g. 1213. */
  private laterYear: string | undefined;
  private nameYearChecked = false;
  private readonly path: string[] = [];
  /** saxes closes the open element before it says a close tag does not match; this names it. */
  private lastClosed = '';
  private held = '';
  private sawText = false;
  private broken = false;
  private encodingChecked = false;
  private root: Place | undefined;
  private section: Section = 'outside';
  private group: string | undefined;
  private capturing: Capture = 'none';
  private captureDepth = 0;
  private captureKey = '';
  private capturedAt: Place = { line: 0, column: null };
  private captured = '';
  private finished: FileReport | undefined;

  constructor(private readonly opts: IlrXmlCheckOptions) {
    this.name = checkFileName(opts.fileName, this.out);
    const p = this.parser;
    p.on('xmldecl', (decl: XMLDecl) => this.encoding(decl.encoding));
    p.on('opentagstart', this.onOpenTagStart);
    p.on('opentag', this.onRootTag);
    p.on('closetag', this.onCloseTag);
    p.on('error', (e: Error) => this.fail(this.explain(e.message), p.column));
  }

  write(chunk: string): void {
    if (this.finished) throw new Error('write after end');
    if (this.broken || chunk.length === 0) return;
    this.sawText = true;
    this.feed(this.held === '' ? chunk : this.held + chunk, false);
  }

  /** Passes `s` to saxes up to any bare & (reported where it stands) or text still undecided. */
  private feed(s: string, last: boolean): void {
    const { bare, holdFrom } = this.amps.scan(s, last);
    if (holdFrom > 0) this.parser.write(holdFrom === s.length ? s : s.slice(0, holdFrom));
    this.held = holdFrom === s.length ? '' : s.slice(holdFrom);
    if (bare !== undefined) {
      this.fail('an & that begins no entity reference; write it as &amp;', this.parser.column + 1);
    }
  }

  end(): FileReport {
    if (this.finished) return this.finished;
    if (!this.sawText) {
      this.broken = true;
      this.out.add('XML_NOT_WELL_FORMED', 'The file is empty: there is no XML in it.', {
        line: 1,
        column: 1,
      });
    }
    if (!this.broken) {
      if (this.held !== '') this.feed(this.held, true);
      if (!this.broken) this.parser.close();
    }
    this.checkNameYear();
    const l = this.learners;
    if (!this.broken && this.names && this.root) {
      const seen = {
        header: !!this.values.header,
        provider: !!this.values.provider,
        laterYear: this.laterYear !== undefined,
      };
      checkComplete(this.root, { ...seen, learners: l.learners }, this.out);
    }
    const { errors, warnings } = this.out.counts();
    this.finished = {
      file: this.opts.fileName,
      valid: errors === 0,
      errors,
      warnings,
      records: l.learners,
      recordsAffected: l.affected,
      findings: this.out.sorted(),
      ruleset: XML_RULESET_VERSION,
      catalogue: null,
      header: { fields: [], uniqueFields: [], changedFields: [] },
      xml: this.values.summary(l.learners, l.deliveries),
    };
    return this.finished;
  }

  private encoding(declared: string | undefined): void {
    if (this.encodingChecked) return;
    this.encodingChecked = true;
    checkEncoding(declared, this.opts.bytes, this.out);
  }

  /** The first XML error is the last finding: nothing after it can be read reliably. */
  private fail(problem: string, column: number): void {
    if (this.broken) return;
    this.broken = true;
    const path = this.path.map((n) => n.slice(n.indexOf(':') + 1)).join('/');
    // saxes' column is the 0-based index of the next character: the 1-based column of the one it
    // has just read, or 0 at the start of a line.
    const col = Math.max(1, column);
    this.out.add(
      'XML_NOT_WELL_FORMED',
      `Line ${this.parser.line}, column ${col}: ${problem.replace(/\.$/, '')}${path ? ` (inside ${path})` : ''}.`,
      { line: this.parser.line, column: col, field: path || null },
    );
  }

  private explain(saxesMessage: string): string {
    const problem = saxesMessage.replace(/^\d+:\d+: /, '');
    return problem.startsWith('unexpected close tag') && this.lastClosed
      ? `a close tag that does not match <${this.lastClosed}>, the element open here`
      : problem;
  }

  /** Where the '<' of the start tag just read stands. */
  private startOf(name: string): Place {
    const column = this.parser.column - name.length - 1;
    // A name followed by a line break leaves the parser on the next line, its column unknown.
    return column >= 1
      ? { line: this.parser.line, column }
      : { line: this.parser.line - 1, column: null };
  }

  private readonly onOpenTagStart = (tag: SaxesStartTagPlain): void => {
    if (this.broken) return;
    const name = tag.name;
    const depth = this.path.push(name);
    const n = this.names;
    if (depth === 1) this.root = this.startOf(name);
    else if (!n) return;
    else if (depth === 2) {
      if (name === n.learner) {
        this.section = 'learner';
        const at = this.startOf(name);
        this.learners.open(at.line, at.column);
      } else if (name === n.header) {
        this.section = 'header';
        this.values.header ??= this.startOf(name);
      } else if (name === n.provider) {
        this.section = 'provider';
        this.values.provider ??= this.startOf(name);
      } else this.section = 'other';
    } else if (this.section === 'learner') {
      if (depth !== 3) return;
      if (name === n.delivery) this.learners.delivery();
      else if (name === n.learnRef) this.capture('learnRef', depth, name, '');
    } else if (this.section === 'header') {
      const local = n.local(name);
      if (depth === 3) {
        this.group = HEADER_GROUPS.has(local) ? local : undefined;
        if (this.group && !this.values.groups.has(local))
          this.values.groups.set(local, this.startOf(name));
      } else if (depth === 4 && this.group && HEADER_GROUPS.get(this.group)?.includes(local)) {
        this.capture('headerLeaf', depth, name, `${this.group}/${local}`);
      }
    } else if (this.section === 'provider' && depth === 3 && name === n.ukprn) {
      this.capture('providerUkprn', depth, name, '');
    }
  };

  /** The root's attributes arrive only with its whole start tag; then this handler goes. */
  private readonly onRootTag = (tag: SaxesTagPlain): void => {
    this.parser.off('opentag');
    this.encoding(undefined);
    if (this.broken || !this.root) return;
    const root = checkRoot(tag.name, tag.attributes, this.root, this.out);
    this.names = root?.names;
    this.laterYear = root?.laterYear;
    this.checkNameYear();
  };

  /** Once the root has said which year the file is, or at the end if it never did. */
  private checkNameYear(): void {
    if (this.nameYearChecked) return;
    this.nameYearChecked = true;
    checkNameYear(this.opts.fileName, this.name, this.laterYear, this.out);
  }

  private readonly onCloseTag = (tag: SaxesTagPlain): void => {
    if (this.broken) return;
    const depth = this.path.length;
    this.path.pop();
    this.lastClosed = tag.name;
    if (this.capturing !== 'none' && depth === this.captureDepth) this.endCapture();
    if (depth === 2) this.endSection();
    else if (depth === 3 && this.section === 'header') this.group = undefined;
  };

  private readonly onText = (text: string): void => {
    if (this.captured.length < MAX_VALUE) this.captured += text;
  };

  /** Text is collected only inside the few elements whose values are checked. */
  private capture(kind: Capture, depth: number, name: string, key: string): void {
    this.capturing = kind;
    this.captureDepth = depth;
    this.captureKey = key;
    this.capturedAt = this.startOf(name);
    this.captured = '';
    this.parser.on('text', this.onText);
    this.parser.on('cdata', this.onText);
  }

  private endCapture(): void {
    this.parser.off('text');
    this.parser.off('cdata');
    const kind = this.capturing;
    this.capturing = 'none';
    const { line, column } = this.capturedAt;
    if (kind === 'learnRef') this.learners.ref(this.captured, line, column);
    else {
      const leaf = { value: this.captured, line, column };
      if (kind === 'headerLeaf') this.values.leaves.set(this.captureKey, leaf);
      else this.values.providerUkprn = leaf;
    }
  }

  private endSection(): void {
    const ctx = { name: this.name, today: this.opts.today, laterYear: this.laterYear };
    if (this.section === 'header') checkHeader(this.values, ctx, this.out);
    else if (this.section === 'provider') checkProvider(this.values, ctx, this.out);
    else if (this.section === 'learner') this.learners.close();
    this.section = 'outside';
  }
}
