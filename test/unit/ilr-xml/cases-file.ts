// Rule cases about the file as a whole: its name, its encoding, whether it is XML at all, and its
// root element and namespace.
import { ILR_2011_12_NS, ilrDoc, ilrText } from '../../support/ilr-xml';
import { checkDoc, checkText } from './check';
import type { XmlRuleCase } from './rule-cases';
import { at } from './rule-cases';

const TEXT = ilrText();
const named = (fileName: string) => () => checkText(TEXT, { fileName });
const whole = { line: null, column: null, field: null };
const withDeclaration = (encoding: string) =>
  TEXT.replace('encoding="utf-8"', `encoding="${encoding}"`);
const noDeclaration = TEXT.replace(/^<\?xml[^>]*>\r\n/, '');

const ampersand = TEXT.replace('O&apos;Neil', 'Brown & Co');
const badClose = TEXT.replace('</GivenNames>', '</GivenName>');
const truncated = TEXT.slice(0, TEXT.indexOf('</Learner>'));
const twoRoots = TEXT + '<Message/>\r\n';
const legalAmpersands = TEXT.replace(
  '<Dest>95</Dest>',
  '<!-- Tom & Jerry --><Dest><![CDATA[9]]>5</Dest><?mis note & more?>',
).replace('Bristol', 'Bristol &#38; Bath &#x26; Wells');

const rootNamed = (root: string) => ilrText(ilrDoc({ root }));
const prefixed = ilrText(ilrDoc({ root: 'ilr:Message' }));
const namespaced = (namespace: string) => ilrText(ilrDoc({ namespace }));
const NS_1213 = 'http://www.theia.org.uk/ILR/2012-13/1';
const NS_1011 = 'http://www.theia.org.uk/ILR/2010-11/1';
const NS_1617 = 'ESFA/ILR/2016-17';
const doc1213 = ilrDoc({ namespace: NS_1213, header: { Year: '1213' } });

export const FILE_CASES: XmlRuleCase[] = [
  {
    code: 'XML_FILE_NAME',
    severity: 'error',
    breaks: [
      {
        when: 'the name is for another year (1213)',
        report: named('ILR-A-10007928-1213-0013-01.XML'),
        ...whole,
        says: 'named for 2012-13',
      },
      {
        when: 'a file in the 2012-13 namespace is named for 2011-12',
        report: () => checkText(ilrText(doc1213)),
        ...whole,
        says: 'named for 2011-12 but Message is in the 2012-13 namespace',
      },
      {
        when: 'the serial number NN is 00',
        report: named('ILR-A-10007928-1112-0013-00.XML'),
        ...whole,
        says: 'NN is 00',
      },
      {
        when: 'the name is in lower case (only the extension may be)',
        report: named('ilr-a-10007928-1112-0013-01.xml'),
        ...whole,
        says: 'does not start with ILR-',
      },
      {
        when: 'the transmission type letter is not A or B',
        report: named('ILR-C-10007928-1112-0013-01.XML'),
        ...whole,
        says: 'A or B',
      },
      {
        when: 'the UKPRN has seven digits',
        report: named('ILR-A-1000792-1112-0013-01.XML'),
        ...whole,
        says: 'eight digits',
      },
      {
        when: 'the year is not two consecutive years',
        report: named('ILR-A-10007928-1113-0013-01.XML'),
        ...whole,
        says: '1113 is not a year',
      },
      {
        when: 'a 2011-12 file carries the 2013-14 pattern',
        report: named('ILR-10007928-1112-20120314-102030-01.xml'),
        ...whole,
        says: 'used from 2013-14',
      },
      {
        when: 'the file is named .amd',
        report: named('chg105432A01.amd'),
        ...whole,
        says: 'does not end in .XML',
      },
    ],
    passes: [
      {
        when: 'the name is ILR-A-UKPRN-1112-transmission-NN.XML',
        report: named('ILR-A-10007928-1112-0013-01.XML'),
      },
      { when: 'the extension is lower case', report: named('ILR-A-10007928-1112-0013-01.xml') },
      { when: 'the extension is mixed case', report: named('ILR-A-10007928-1112-0001-01.Xml') },
      {
        when: 'a B file with serial 99 says so in its name and header',
        report: () => checkDoc(ilrDoc({ type: 'B', serialNo: '99' })),
      },
    ],
  },
  {
    code: 'XML_ENCODING',
    severity: 'error',
    breaks: [
      {
        when: 'the bytes are Windows-1252 and the file declares utf-8',
        report: () => checkText(TEXT, { bytes: 'windows-1252' }),
        line: 1,
        column: 1,
        says: 'declares encoding="utf-8"',
      },
      {
        when: 'the bytes are Windows-1252 and the file declares no encoding',
        report: () => checkText(noDeclaration, { bytes: 'windows-1252' }),
        line: 1,
        column: 1,
        says: 'declares no encoding',
      },
    ],
    passes: [
      { when: 'the bytes are UTF-8', report: () => checkText(TEXT, { bytes: 'utf-8' }) },
      {
        when: 'Windows-1252 bytes are declared windows-1252',
        report: () => checkText(withDeclaration('windows-1252'), { bytes: 'windows-1252' }),
      },
      {
        when: 'Windows-1252 bytes are declared ISO-8859-1',
        report: () => checkText(withDeclaration('ISO-8859-1'), { bytes: 'windows-1252' }),
      },
    ],
  },
  {
    code: 'XML_NOT_WELL_FORMED',
    severity: 'error',
    breaks: [
      {
        when: 'a bare & stands in a value (at the &, not where saxes would notice)',
        report: () => checkText(ampersand),
        line: at(ampersand, '& Co').line,
        column: at(ampersand, '& Co').column,
        field: 'Message/Learner/FamilyName',
        says: 'write it as &amp;',
      },
      {
        when: 'a close tag does not match (saxes line and column)',
        report: () => checkText(badClose),
        line: at(badClose, '</GivenName>').line,
        column: at(badClose, '</GivenName>').column + '</GivenName>'.length - 1,
        says: 'does not match <GivenNames>',
      },
      {
        when: 'the file stops in the middle of a learner',
        report: () => checkText(truncated),
        line: at(truncated, '\t\t</LearningDelivery>\r\n', 2).line + 1,
        column: 1,
        says: 'unclosed tag',
      },
      {
        when: 'a second root element follows Message',
        report: () => checkText(twoRoots),
        line: at(twoRoots, '<Message/>').line,
        column: 9,
        says: 'only one root',
      },
      {
        when: 'the file is empty',
        report: () => checkText(''),
        line: 1,
        column: 1,
        says: 'empty',
      },
    ],
    passes: [
      {
        when: 'an & stands in a comment, a CDATA section or a processing instruction, or begins a character reference',
        report: () => checkText(legalAmpersands),
      },
      { when: 'the file starts with a byte-order mark', report: () => checkText(`\ufeff${TEXT}`) },
      { when: 'the lines end with LF only', report: () => checkText(TEXT.replace(/\r\n/g, '\n')) },
    ],
  },
  {
    code: 'XML_ROOT',
    severity: 'error',
    breaks: [
      {
        when: 'the root element is not Message',
        report: () => checkText(rootNamed('ILR')),
        line: 2,
        column: 1,
        field: 'ILR',
        says: 'The root element is ILR',
      },
    ],
    passes: [
      { when: 'the root is Message with a namespace prefix', report: () => checkText(prefixed) },
    ],
  },
  {
    code: 'XML_NAMESPACE',
    severity: 'warning',
    breaks: [
      {
        when: 'Message is in the namespace of 2010-11, an earlier year',
        report: () => checkText(namespaced(NS_1011)),
        line: 2,
        column: 1,
        value: NS_1011,
        says: 'the 2010-11 structure',
      },
      {
        when: 'Message is in no namespace',
        report: () => checkText(ilrText().replace(` xmlns="${ILR_2011_12_NS}"`, '')),
        line: 2,
        column: 1,
        says: 'in no namespace',
      },
    ],
    passes: [
      { when: 'Message declares the 2011-12 namespace', report: () => checkText(TEXT) },
      { when: 'Message binds it to a prefix used throughout', report: () => checkText(prefixed) },
    ],
  },
  {
    code: 'XML_LATER_YEAR',
    severity: 'warning',
    breaks: [
      {
        when: 'Message is in the 2012-13 namespace',
        report: () => checkText(namespaced(NS_1213)),
        line: 2,
        column: 1,
        value: NS_1213,
        says: '2012-13, a later ILR year, not checked by these rules',
      },
      {
        when: 'Message is in a 2016-17 namespace of the later form ESFA/ILR/yyyy-yy',
        report: () => checkText(namespaced(NS_1617)),
        line: 2,
        column: 1,
        value: NS_1617,
        says: '2016-17, a later ILR year',
      },
    ],
    passes: [{ when: 'Message is in the 2011-12 namespace', report: () => checkText(TEXT) }],
  },
];
