// A finding is one broken rule at one place. The message is plain English: what is wrong here,
// why it matters, and what to check.
import type { RuleCode, Severity } from './rules';
import { ruleFor } from './rules';

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  /** 1-based line in the file; null when the finding is about the file as a whole. */
  line: number | null;
  /**
   * 1-based column, only where a place in a line means something (XML files; null for a finding
   * about the whole file). Absent for .amd findings, whose unit is the line.
   */
  column?: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

export interface FindingAt {
  line?: number | null;
  column?: number | null;
  field?: string | null;
  value?: string | null;
}

/**
 * A file with an error on every one of a million lines must not produce a million findings in
 * memory, nor a report nobody can read. Past this many findings for one rule, the rest are counted
 * and reported as one summary finding.
 */
export const FINDINGS_PER_RULE = 1000;

/**
 * A value is shown up to this many characters, then its length: no real ILR value comes near, and
 * a line of a million characters quoted whole in a finding (and again in its message, for up to a
 * thousand findings of each rule) would make a report nobody can read and exhaust the memory of
 * whatever holds it.
 */
export const VALUE_SHOWN = 200;
/** A message past this many characters keeps its start and end, so it still says what to do. */
export const MESSAGE_SHOWN = 2000;

/** The value as a finding shows it: whole when short, else its start and how long it is. */
export function shownValue(v: string): string {
  if (v.length <= VALUE_SHOWN) return v;
  return `${v.slice(0, VALUE_SHOWN)}… (${v.length.toLocaleString('en-GB')} characters)`;
}

function shownMessage(what: string, value: string | null | undefined): string {
  let text = what;
  if (value && value.length > VALUE_SHOWN && text.includes(value))
    text = text.split(value).join(shownValue(value));
  if (text.length <= MESSAGE_SHOWN) return text;
  const keep = MESSAGE_SHOWN / 2;
  return `${text.slice(0, keep)}… (${(text.length - 2 * keep).toLocaleString('en-GB')} characters left out) …${text.slice(-keep)}`;
}

export class FindingList {
  private readonly items: Finding[] = [];
  private readonly perRule = new Map<string, number>();
  private readonly suppressed = new Map<RuleCode, number>();
  private lastRecordLine = -1;
  /** Record lines with at least one finding, counted even when the finding itself is suppressed. */
  recordsAffected = 0;

  constructor(private readonly firstRecordLine = 13) {}

  add(code: RuleCode, what: string, at: FindingAt = {}): void {
    const line = at.line ?? null;
    if (line !== null && line >= this.firstRecordLine && line > this.lastRecordLine) {
      // Record findings arrive in line order, so one comparison counts distinct records
      // without keeping a set of a million line numbers.
      this.recordsAffected++;
      this.lastRecordLine = line;
    }
    const count = (this.perRule.get(code) ?? 0) + 1;
    this.perRule.set(code, count);
    if (count > FINDINGS_PER_RULE) {
      this.suppressed.set(code, (this.suppressed.get(code) ?? 0) + 1);
      return;
    }
    const r = ruleFor(code);
    this.items.push({
      rule: code,
      severity: r.severity,
      line,
      // Only when given, so .amd findings keep exactly the shape they always had.
      ...(at.column !== undefined ? { column: at.column } : {}),
      field: at.field ?? null,
      value: at.value === undefined || at.value === null ? null : shownValue(at.value),
      message: `${shownMessage(what, at.value)} ${r.why} ${r.check}`,
    });
  }

  has(code: RuleCode): boolean {
    return this.perRule.has(code);
  }

  /** Errors first, then warnings; within each, by line and column (file-level findings first). */
  sorted(): Finding[] {
    const all = [...this.items];
    for (const [code, n] of this.suppressed) {
      const r = ruleFor(code);
      all.push({
        rule: code,
        severity: r.severity,
        line: null,
        field: null,
        value: null,
        message: `${n} more ${code} finding${n === 1 ? '' : 's'} not listed (the first ${FINDINGS_PER_RULE} are). ${r.check}`,
      });
    }
    return all.sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  }

  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const [code, n] of this.perRule) {
      if (ruleFor(code as RuleCode).severity === 'error') errors += n;
      else warnings += n;
    }
    return { errors, warnings };
  }
}

function severityRank(s: Severity): number {
  return s === 'error' ? 0 : 1;
}
