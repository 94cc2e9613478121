// Rules about the file as a whole: its name, its addition set, and its line structure.
import type { AdditionType, DataSet, FileReport, RuleCode } from '../../../shared/amd';
import type { Draft } from './drafts';
import { checkAdditionSets, checkDeletionCascade } from '../../../shared/amd';
import {
  addDraft,
  changeDraft,
  check,
  deleteDraft,
  checkText,
  named,
  render,
  withInserted,
  withValue,
} from './drafts';
import type { RuleCase } from './rule-cases';
import { deletionExample, tableADeletion } from './guide-examples';

const chg = changeDraft();
const renamed = (fileName: string) => () => check({ ...chg, fileName });

/** Validates several addition files together, as `returndesk validate` does, then checks the set. */
function additionSet(...files: [DataSet, AdditionType, number][]): FileReport[] {
  const reports = files.map(([ds, t, seq]) => check(addDraft(ds, t, seq)));
  checkAdditionSets(reports);
  return reports;
}
/** Validates deletion files together, as `returndesk validate` does, then compares them. */
function deletedTogether(...drafts: Draft[]): FileReport[] {
  const reports = drafts.map((d) => check(d));
  checkDeletionCascade(reports);
  return reports;
}
/** Keeps only the findings of one rule, for a pass case beside a finding of another rule. */
function findingsOnly(report: FileReport, code: RuleCode): FileReport {
  return { ...report, findings: report.findings.filter((f) => f.rule === code) };
}
const fileOf = (reports: FileReport[], name: string): FileReport => {
  const r = reports.find((x) => x.file === name);
  if (!r) throw new Error(`no report for ${name}`);
  return r;
};

export const FILE_CASES: RuleCase[] = [
  {
    code: 'AMD_FILENAME',
    severity: 'error',
    breaks: [
      {
        when: 'the UPIN has five digits',
        report: renamed('chg10543A01.amd'),
        line: null,
        says: 'six digits',
      },
      { when: 'NN is 00', report: renamed('chg105432A00.amd'), line: null, says: '00' },
      {
        when: 'NN has one digit',
        report: renamed('chg105432A1.amd'),
        line: null,
        says: 'sequence number NN',
      },
      {
        when: 'an addition name lacks T',
        report: renamed('add105432A01.amd'),
        line: null,
        says: 'addition type',
      },
      {
        when: 'the extension is not .amd',
        report: renamed('chg105432A01.csv'),
        line: null,
        says: '.amd',
      },
      {
        when: 'the data set letter is X',
        report: renamed('chg105432X01.amd'),
        line: null,
        says: 'L, A or H',
      },
    ],
    passes: [
      { when: 'the name is chg + UPIN + A + 01', report: () => check(chg) },
      { when: 'NN is 99', report: () => check(named(chg, 'chg105432A99')) },
      { when: 'the UPIN starts with zeros', report: () => check(changeDraft('000123')) },
    ],
  },
  {
    code: 'AMD_ADDITION_SCOPE',
    severity: 'error',
    breaks: [
      {
        when: 'T=1 adds learner data',
        report: () => check(addDraft('L', 1)),
        line: null,
        says: 'allows only H',
      },
      {
        when: 'T=2 adds learner data',
        report: () => check(addDraft('L', 2)),
        line: null,
        says: 'allows only A, H',
      },
      { when: 'T=1 adds learning aims', report: () => check(addDraft('A', 1)), line: null },
    ],
    passes: [
      { when: 'T=1 adds HE data', report: () => check(addDraft('H', 1)) },
      { when: 'T=2 adds learning aims', report: () => check(addDraft('A', 2)) },
      { when: 'T=3 adds learners', report: () => check(addDraft('L', 3)) },
    ],
  },
  {
    code: 'AMD_HEADER_INCOMPLETE',
    severity: 'error',
    breaks: [
      {
        when: 'the file stops after line 11',
        report: () => check({ ...chg, lines: chg.lines.slice(0, 11) }),
        line: 11,
        says: 'only 11 lines',
      },
      {
        when: 'the file is empty',
        report: () => check({ ...chg, lines: [] }),
        line: null,
        says: 'empty',
      },
    ],
    passes: [{ when: 'notes lines 10 and 11 are present but empty', report: () => check(chg) }],
  },
  {
    code: 'AMD_BOM',
    severity: 'warning',
    breaks: [
      {
        when: 'the file starts with a byte-order mark',
        report: () => check(chg, { bom: true }),
        line: 1,
      },
    ],
    passes: [{ when: 'the file has no byte-order mark', report: () => check(chg) }],
  },
  {
    code: 'AMD_LINE_ENDINGS',
    severity: 'warning',
    breaks: [
      {
        when: 'every line ends with LF only',
        report: () => check(chg, { eol: '\n' }),
        line: 1,
        says: '15 lines end with LF only',
      },
      {
        when: 'one record line ends with LF only',
        report: () => checkText(render(chg).replace('01092010\r\n', '01092010\n'), chg.fileName),
        line: 13,
        says: '1 line ends with LF only',
      },
      {
        when: 'a value holds a carriage return',
        report: () => check(withValue(chg, 15, 'A48a', 'H\rNC')),
        line: 15,
        says: 'carriage return',
      },
      {
        when: 'every line ends with CR only',
        report: () => check(chg, { eol: '\r' }),
        line: 1,
        says: '15 lines end with CR only',
      },
      {
        when: 'the last record ends with CR but no LF',
        report: () => checkText(`${render(chg).slice(0, -1)}`, chg.fileName),
        line: 15,
        says: 'the first at line 15',
      },
    ],
    passes: [
      { when: 'every line ends with CR LF', report: () => check(chg) },
      {
        when: 'the last record has no line break at all (a finding of its own)',
        report: () => findingsOnly(check(chg, { finalBreak: false }), 'AMD_LINE_ENDINGS'),
      },
    ],
  },
  {
    code: 'AMD_NO_FINAL_BLANK_LINE',
    severity: 'warning',
    breaks: [
      {
        when: 'the last record has no line break after it',
        report: () => check(chg, { finalBreak: false }),
        line: 15,
      },
      {
        when: 'the last record of a CR-only file has no line break after it',
        report: () => check(chg, { eol: '\r', finalBreak: false }),
        line: 15,
      },
    ],
    passes: [
      { when: 'the last record ends with CR LF', report: () => check(chg) },
      {
        when: 'empty lines follow the last record',
        report: () => check(withInserted(withInserted(chg, 16, ''), 17, '')),
      },
    ],
  },
  {
    code: 'AMD_ADDITION_SET',
    severity: 'warning',
    breaks: [
      {
        when: 'a T=3 set has no H file',
        report: () => fileOf(additionSet(['L', 3, 1], ['A', 3, 1]), 'add105432L301.amd'),
        line: null,
        says: 'has no H file',
      },
      {
        when: 'one file of a T=3 set carries another NN',
        report: () =>
          fileOf(additionSet(['L', 3, 1], ['A', 3, 2], ['H', 3, 1]), 'add105432A302.amd'),
        line: null,
        says: 'has no L or H file',
      },
      {
        when: 'a T=2 set has only its A file: right when none of its aims is HE, and said so',
        report: () =>
          fileOf(additionSet(['A', 2, 2], ['A', 2, 3], ['H', 2, 3]), 'add105432A202.amd'),
        line: null,
        says: 'That is right when none of its learning aims is an HE aim',
      },
      {
        when: 'a T=2 set has no A file',
        report: () =>
          fileOf(additionSet(['H', 2, 4], ['H', 2, 5], ['A', 2, 5]), 'add105432H204.amd'),
        line: null,
        says: 'no A file',
      },
    ],
    passes: [
      {
        when: 'a T=3 set has L, A and H with one NN',
        report: () => additionSet(['L', 3, 1], ['A', 3, 1], ['H', 3, 1]),
      },
      {
        when: 'a T=2 set has A and H with one NN',
        report: () => additionSet(['A', 2, 2], ['H', 2, 2]),
      },
      { when: 'a T=1 file stands alone', report: () => additionSet(['H', 1, 3]) },
      {
        when: 'a T=2 set of aims none of which is HE is its A file alone',
        report: () => additionSet(['A', 2, 2]),
      },
    ],
  },
  {
    code: 'AMD_DELETE_CASCADE',
    severity: 'warning',
    breaks: [
      {
        when: 'a learner file and an aim file checked together delete the same learners',
        report: () =>
          fileOf(deletedTogether(tableADeletion(), deletionExample()), 'del105432A01.amd'),
        line: null,
        says: 'This file deletes learning aim records of 2 learners that del105432L01.amd deletes already',
      },
      {
        when: 'a learner file and an HE file checked together delete the same learner',
        report: () => fileOf(deletedTogether(tableADeletion(), deleteDraft()), 'del105432H01.amd'),
        line: null,
        says: 'This file deletes HE records of 1 learner that del105432L01.amd deletes already',
      },
      {
        when: 'an aim file and an HE file checked together delete the same aim',
        report: () => fileOf(deletedTogether(deletionExample(), deleteDraft()), 'del105432H01.amd'),
        line: null,
        says: 'This file deletes HE records of 1 learning aim that del105432A01.amd deletes already',
      },
    ],
    passes: [
      {
        when: 'a learner file and an aim file delete different learners',
        report: () => deletedTogether(tableADeletion(), deletionExample(['000055555555'])),
      },
      {
        when: 'one learner deletion file stands alone',
        report: () => deletedTogether(tableADeletion()),
      },
    ],
  },
];
