// Thousands of damaged files, made from valid ones with a fixed seed: the validator never throws,
// always finishes, gives the same report however the text is chunked, finds something wrong in
// every file that certainly breaks a rule, and points each line finding at a real line.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FileReport, Finding, ValidateOptions } from '../../../shared/amd';
import { AmendmentFileValidator, validateAmendmentText } from '../../../shared/amd';
import { CAT_2010_11, UPIN, addDraft, changeDraft, deleteDraft, render } from './drafts';
import { certainlyInvalid, chunksOf, mutate, seeded } from './fuzz-mutations';

const ITERATIONS = 6000;
const catalogue = CAT_2010_11;

/** Addition files are judged with --year: only the catalogue says which fields they must have. */
const BASES = [
  { draft: changeDraft(), opts: {} },
  { draft: changeDraft(), opts: { catalogue } },
  { draft: deleteDraft(), opts: {} },
  { draft: addDraft('L', 3), opts: { catalogue } },
  { draft: addDraft('H', 1), opts: { catalogue } },
].map(({ draft, opts }) => ({ text: render(draft), opts: { ...opts, fileName: draft.fileName } }));

/** Rules about the file as a whole, whose findings have no line. */
const FILE_RULES = new Set([
  'AMD_FILENAME',
  'AMD_ADDITION_SCOPE',
  'AMD_NO_RECORDS',
  'AMD_ADDITION_SET',
]);

function inChunks(chunks: string[], opts: ValidateOptions): FileReport {
  const v = new AmendmentFileValidator(opts);
  for (const c of chunks) v.write(c);
  return v.end();
}

/** Past 1000 findings of one rule, the rest are counted in one summary about the whole file. */
const isSummary = (f: Finding) => f.line === null && f.message.includes(`more ${f.rule} finding`);

/**
 * The file's lines as the guide's reader sees them: broken at LF (a CR before it belongs to the
 * break), or, where the first line ends with a lone CR, at every CR, LF or CR LF.
 */
function lineCount(text: string): number {
  const crOnly = /\r\n|\r|\n/.exec(text)?.[0] === '\r';
  return text.split(crOnly ? /\r\n|\r|\n/ : '\n').length;
}

/** Where a finding points at a line that is not in the file; empty when all are right. */
function misplaced(report: FileReport, text: string): string[] {
  const lines = lineCount(text);
  const empty = text === '' || text === '\uFEFF';
  return report.findings
    .filter((f) => !FILE_RULES.has(f.rule) && !isSummary(f))
    .filter((f) => !(empty && f.rule === 'AMD_HEADER_INCOMPLETE'))
    .filter((f) => f.line === null || !Number.isInteger(f.line) || f.line < 1 || f.line > lines + 1)
    .map((f) => `${f.rule} at line ${f.line} of ${lines}`);
}

describe('validating damaged files', () => {
  it('never throws, reports what is certainly wrong, and numbers lines correctly', () => {
    const rng = seeded(20110314);
    const failures: string[] = [];
    let judgedInvalid = 0;
    let overLineLimit = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const base = BASES[i % BASES.length];
      if (!base) continue;
      const { text, applied } = mutate(base.text, rng);
      const where = `#${i} ${base.opts.fileName} after ${applied.join(', ')}: ${JSON.stringify(text.slice(0, 300))}`;
      let whole: FileReport;
      let chunked: FileReport;
      try {
        whole = validateAmendmentText(text, base.opts);
        chunked = inChunks(chunksOf(text, rng), base.opts);
      } catch (e) {
        failures.push(`${where} threw ${String(e).slice(0, 300)}`);
        continue;
      }
      if (!isDeepStrictEqual(chunked, whole)) failures.push(`${where}: chunked reading differs`);
      if (text.length > 1_000_000) overLineLimit++;
      if (certainlyInvalid(text, base.text, UPIN)) {
        judgedInvalid++;
        if (whole.findings.length === 0) failures.push(`${where} gave no finding`);
      }
      for (const m of misplaced(whole, text)) failures.push(`${where}: ${m}`);
      const errors = whole.findings.filter((f) => f.severity === 'error' && !isSummary(f)).length;
      const counted = whole.findings.some(isSummary)
        ? whole.errors >= errors
        : whole.errors === errors;
      if (!counted || whole.valid !== (errors === 0)) failures.push(`${where}: counts differ`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The judge must have had most files to judge, or the check above proves little.
    expect(judgedInvalid).toBeGreaterThan(ITERATIONS * 0.6);
    expect(overLineLimit).toBeGreaterThan(0);
  });

  it('finds nothing wrong in the undamaged files', () => {
    for (const base of BASES)
      expect(validateAmendmentText(base.text, base.opts).findings).toEqual([]);
  });
});
