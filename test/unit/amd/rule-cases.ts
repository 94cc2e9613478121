// Runs a table of rule cases: for each rule, files that break it (the rule is reported with its
// severity, at its line and field) and the nearest files that do not (no finding at all).
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding, RuleCode, Severity } from '../../../shared/amd';
import { ruleFor } from '../../../shared/amd';
import { findingsFor } from './drafts';

export interface Breaking {
  /** Completes the test name "... is reported when <when>". */
  when: string;
  report: () => FileReport;
  /** The line the finding points at; null for a finding about the whole file. */
  line: number | null;
  /** Checked when given: the field (null: none) and value the finding names. */
  field?: string | null;
  value?: string | null;
  /** Words the specific part of the message must contain. */
  says?: string;
}

export interface Passing {
  when: string;
  report: () => FileReport | FileReport[];
}

export interface RuleCase {
  code: RuleCode;
  severity: Severity;
  breaks: Breaking[];
  passes: Passing[];
}

/** Plain English: the specific text, then why it matters and what to check; no leaked objects. */
export function expectPlainEnglish(f: Finding): void {
  const r = ruleFor(f.rule);
  expect(f.message).toContain(r.why);
  expect(f.message).toContain(r.check);
  expect(f.message.indexOf(r.why)).toBeGreaterThan(10);
  expect(f.message).not.toMatch(/undefined|\[object|NaN|\bnull\b/);
}

export function runRuleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    describe(c.code, () => {
      for (const b of c.breaks) {
        it(`is reported as ${c.severity} when ${b.when}`, () => {
          const found = findingsFor(b.report(), c.code);
          const f = found.find(
            (x) => x.line === b.line && (b.field === undefined || x.field === b.field),
          );
          expect(f, `${c.code} at line ${b.line}; found ${JSON.stringify(found)}`).toBeDefined();
          if (!f) return;
          expect(f.severity).toBe(c.severity);
          if (b.value !== undefined) expect(f.value).toBe(b.value);
          if (b.says !== undefined) expect(f.message).toContain(b.says);
          expectPlainEnglish(f);
        });
      }
      for (const p of c.passes) {
        it(`is not reported when ${p.when}`, () => {
          for (const report of [p.report()].flat()) {
            expect(findingsFor(report, c.code)).toEqual([]);
            expect(report.findings).toEqual([]);
          }
        });
      }
    });
  }
}
