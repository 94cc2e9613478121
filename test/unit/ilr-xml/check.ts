// Checking ILR XML documents in tests: whole or in chunks, and reading the findings back.
import { expect } from 'vitest';
import type { FileReport, Finding, RuleCode } from '../../../shared/amd';
import { ruleFor } from '../../../shared/amd';
import type { IlrXmlCheckOptions } from '../../../shared/ilr-xml';
import { IlrXmlChecker } from '../../../shared/ilr-xml';
import type { IlrXmlDoc } from '../../support/ilr-xml';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';

export const TODAY = { year: 2012, month: 3, day: 20 };

export type CheckOptions = Partial<IlrXmlCheckOptions>;

/** Checks `text` written in the given chunks (one chunk when none are given). */
export function checkText(text: string, o: CheckOptions = {}, chunks?: string[]): FileReport {
  const c = new IlrXmlChecker({ fileName: ilrName(), today: TODAY, ...o });
  for (const chunk of chunks ?? [text]) c.write(chunk);
  return c.end();
}

/** Checks a document under the name its header agrees with, unless another is given. */
export function checkDoc(d: IlrXmlDoc = ilrDoc(), o: CheckOptions = {}): FileReport {
  return checkText(ilrText(d), { fileName: ilrName(d), ...o });
}

export function findingsFor(report: FileReport, code: RuleCode): Finding[] {
  return report.findings.filter((f) => f.rule === code);
}

export function codesOf(report: FileReport): string[] {
  return report.findings.map((f) => f.rule);
}

/** Plain English: the specific text first, then why it matters and what to do; no leaked objects. */
export function expectPlainEnglish(f: Finding): void {
  const r = ruleFor(f.rule);
  expect(f.message).toContain(r.why);
  expect(f.message).toContain(r.check);
  expect(f.message.indexOf(r.why)).toBeGreaterThan(10);
  expect(f.message).not.toMatch(/undefined|\[object|NaN|\bnull\b/);
}

/** `text` cut into pieces at `cuts` (indexes, any order). */
export function splitAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
}
