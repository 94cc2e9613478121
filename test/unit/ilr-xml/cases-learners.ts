// Rule cases about the learners: each has a reference, no reference repeats, and there is one.
import { ilrDoc, ilrText } from '../../support/ilr-xml';
import { checkDoc, checkText } from './check';
import type { XmlRuleCase } from './rule-cases';
import { at } from './rule-cases';

const REF = 'Message/Learner/LearnRefNumber';
const noRef = ilrText(ilrDoc({ learners: ['A1', null, 'A3'] }));
const emptyRef = ilrText(ilrDoc({ learners: ['A1', '', 'A3'] }));
const repeated = ilrText(ilrDoc({ learners: ['A1', 'B2', 'A1', 'C3', 'B2'] }));
const spacedRepeat = ilrText(ilrDoc({ learners: ['A1', ' A1 '] }));
const none = ilrText(ilrDoc({ learners: [] }));

export const LEARNER_CASES: XmlRuleCase[] = [
  {
    code: 'XML_LEARNER_REF_MISSING',
    severity: 'error',
    breaks: [
      {
        when: 'a learner has no LearnRefNumber (at its Learner element)',
        report: () => checkText(noRef),
        ...at(noRef, '<Learner>', 2),
        field: 'Message/Learner',
      },
      {
        when: 'a LearnRefNumber is empty',
        report: () => checkText(emptyRef),
        ...at(emptyRef, '<LearnRefNumber></LearnRefNumber>'),
        field: REF,
        says: 'empty',
      },
    ],
    passes: [{ when: 'every learner has one', report: () => checkDoc() }],
  },
  {
    code: 'XML_DUPLICATE_LEARNER',
    severity: 'error',
    breaks: [
      {
        when: 'a reference repeats, naming the first line it stood on',
        report: () => checkText(repeated),
        ...at(repeated, '<LearnRefNumber>A1<', 2),
        field: REF,
        value: 'A1',
        says: `at line ${at(repeated, '<LearnRefNumber>A1<').line}`,
      },
      {
        when: 'a second reference repeats further on',
        report: () => checkText(repeated),
        ...at(repeated, '<LearnRefNumber>B2<', 2),
        value: 'B2',
      },
      {
        when: 'the repeat differs only by spaces around it',
        report: () => checkText(spacedRepeat),
        ...at(spacedRepeat, '<LearnRefNumber> A1 <'),
        value: 'A1',
      },
    ],
    passes: [
      {
        when: 'references differ, leading zeros included',
        report: () => checkDoc(ilrDoc({ learners: ['1', '01', '001', '0001'] })),
      },
    ],
  },
  {
    code: 'XML_NO_LEARNERS',
    severity: 'warning',
    breaks: [
      {
        when: 'Message holds no Learner',
        report: () => checkText(none),
        ...at(none, '<Message'),
        field: 'Message/Learner',
      },
    ],
    passes: [
      { when: 'there is one learner', report: () => checkDoc(ilrDoc({ learners: ['A1'] })) },
    ],
  },
];
