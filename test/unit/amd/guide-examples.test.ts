// Issue 13: never wrongly block a real college's file. Files shaped like the guide's own examples
// get no error, with or without --year 2010-11; only advice the guide itself does not give may
// remain as a warning.
import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../../shared/amd';
import { checkAdditionSets, checkDeletionCascade } from '../../../shared/amd';
import { CAT_2010_11, check } from './drafts';
import {
  deletionExample,
  example1Set,
  heChangeExample,
  tableAChange,
  tableADeletion,
} from './guide-examples';

const years = [
  ['without --year', undefined],
  ['with --year 2010-11', CAT_2010_11],
] as const;

const errorsOf = (r: FileReport) => r.findings.filter((f) => f.severity === 'error');
const rulesOf = (r: FileReport) => r.findings.map((f) => f.rule);

describe.each(years)("the guide's examples, %s", (_, catalogue) => {
  const examples = [
    ["Table A's change column", tableAChange()],
    ["Table A's deletion column", tableADeletion()],
    ['the deletion example with A04 and A11', deletionExample()],
    ["the H change example with ', ' separators", heChangeExample()],
  ] as const;

  it.each(examples)('%s has no finding at all', (_name, draft) => {
    const r = check(draft, { catalogue });
    expect(errorsOf(r)).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("example 1's addition set (the guide's A11 and A48 in the aim file) has no finding", () => {
    const reports = example1Set().map((d) => check(d, { catalogue }));
    checkAdditionSets(reports);
    checkDeletionCascade(reports);
    for (const r of reports) expect(r.findings, r.file).toEqual([]);
    expect(reports.map((r) => r.records)).toEqual([4, 5, 5]);
  });
});

describe('the guide codes A11, A48 and L42', () => {
  it('stand for all their occurrences: no unknown field, no missing A11a/b or A48a/b', () => {
    const aims = example1Set()[1];
    if (!aims) throw new Error('no aim file');
    const r = check(aims, { catalogue: CAT_2010_11 });
    expect(rulesOf(r)).not.toContain('AMD_FIELD_UNKNOWN');
    expect(rulesOf(r)).not.toContain('AMD_ADD_FIELDS_INCOMPLETE');
  });

  it('as unique fields, count as the recommended A48a/b and L42a/b', () => {
    expect(rulesOf(check(deletionExample()))).not.toContain('AMD_RECOMMENDED_KEYS');
    expect(rulesOf(check(tableADeletion()))).not.toContain('AMD_RECOMMENDED_KEYS');
  });
});

describe('the deletion cascade', () => {
  it('records what each deletion file deletes, so files checked together can be compared', () => {
    const r = check(deletionExample(['000012345678']));
    expect(r.deleted).toEqual({
      dataSet: 'A',
      learners: [`105432|000012345678`],
      aims: [`105432|000012345678|01`],
    });
    expect(check(heChangeExample()).deleted).toBeUndefined();
  });

  it('warns on the aim file when a learner file checked with it deletes the same learners', () => {
    const reports = [check(tableADeletion()), check(deletionExample())];
    checkDeletionCascade(reports);
    const [learners, aims] = reports;
    expect(learners?.findings).toEqual([]);
    expect(aims?.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['AMD_DELETE_CASCADE', 'warning'],
    ]);
    expect(aims?.findings[0]?.message).toContain(
      'This file deletes learning aim records of 2 learners that del105432L01.amd deletes already',
    );
    expect(aims?.findings[0]?.message).toContain('so one file suffices');
    expect(aims?.valid).toBe(true);
    expect(aims?.warnings).toBe(1);
  });
});
