// Runs a table of rule cases: for each rule, files that break it (reported with its severity, at
// its line, column and element path) and the nearest files that do not (no finding at all).
import { describe, expect, it } from 'vitest';
import type { FileReport, Severity } from '../../../shared/amd';
import type { XmlRuleCode } from '../../../shared/ilr-xml';
import { positionOf } from '../../support/ilr-xml';
import { expectPlainEnglish, findingsFor } from './check';

export interface Breaking {
  /** Completes the test name "... is reported when <when>". */
  when: string;
  report: () => FileReport;
  /** Where the finding points; both null for a finding about the whole file. */
  line: number | null;
  column: number | null;
  /** Checked when given: the element path (null: none) and value the finding names. */
  field?: string | null;
  value?: string | null;
  /** Words the specific part of the message must contain. */
  says?: string;
}

export interface Passing {
  when: string;
  report: () => FileReport;
}

export interface XmlRuleCase {
  code: XmlRuleCode;
  severity: Severity;
  breaks: Breaking[];
  passes: Passing[];
}

/** The line and column of the start of `needle` in `text`, for a Breaking case. */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  return positionOf(text, needle, nth);
}

export function runRuleCases(cases: readonly XmlRuleCase[]): void {
  for (const c of cases) {
    describe(c.code, () => {
      for (const b of c.breaks) {
        it(`is reported as ${c.severity} when ${b.when}`, () => {
          const found = findingsFor(b.report(), c.code);
          const where = { line: b.line, column: b.column };
          const f = found.find(
            (x) =>
              x.line === b.line &&
              x.column === b.column &&
              (b.field === undefined || x.field === b.field),
          );
          expect(
            f,
            `${c.code} at ${JSON.stringify(where)}; found ${JSON.stringify(found)}`,
          ).toBeDefined();
          if (!f) return;
          expect(f.severity).toBe(c.severity);
          if (b.value !== undefined) expect(f.value).toBe(b.value);
          if (b.says !== undefined) expect(f.message).toContain(b.says);
          expectPlainEnglish(f);
        });
      }
      for (const p of c.passes) {
        it(`is not reported when ${p.when}`, () => {
          const report = p.report();
          expect(findingsFor(report, c.code)).toEqual([]);
          expect(report.findings).toEqual([]);
          expect(report.valid).toBe(true);
        });
      }
    });
  }
}
