// Rule cases about the Header and LearningProvider: elements present, values well formed, and
// agreeing with the file name.
import type { IlrXmlDoc } from '../../support/ilr-xml';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { checkDoc, checkText } from './check';
import type { Breaking, XmlRuleCase } from './rule-cases';
import { at } from './rule-cases';

const S = 'Message/Header/Source';
const C = 'Message/Header/CollectionDetails';

/** A document whose header differs from the clean one, checked under the clean one's name. */
function headerCase(
  when: string,
  header: IlrXmlDoc['header'],
  needle: string,
  rest: Omit<Breaking, 'when' | 'report' | 'line' | 'column'> = {},
  doc: Partial<IlrXmlDoc> = {},
  nth = 1,
): Breaking {
  const text = ilrText(ilrDoc({ ...doc, header }));
  return { when, report: () => checkText(text), ...at(text, needle, nth), ...rest };
}

const withoutHeader = ilrText().replace(/\t<Header>[\s\S]*<\/Header>\r\n/, '');
const withoutProvider = ilrText().replace(
  /\t<LearningProvider>[\s\S]*<\/LearningProvider>\r\n/,
  '',
);
const withoutCollection = ilrText().replace(
  /\t\t<CollectionDetails>[\s\S]*<\/CollectionDetails>\r\n/,
  '',
);
const spaced = ilrText().replace(/<UKPRN>10007928</g, '<UKPRN> 10007928 <');

export const HEADER_CASES: XmlRuleCase[] = [
  {
    code: 'XML_HEADER_MISSING',
    severity: 'error',
    breaks: [
      headerCase('Source has no SerialNo', { SerialNo: null }, '<Source>', {
        field: `${S}/SerialNo`,
        says: 'no SerialNo element',
      }),
      headerCase('UKPRN is empty', { UKPRN: '' }, '<UKPRN>', {
        field: `${S}/UKPRN`,
        says: 'an empty UKPRN',
      }),
      headerCase('Source has no TransmissionType', { TransmissionType: null }, '<Source>', {
        field: `${S}/TransmissionType`,
        says: 'no TransmissionType element',
      }),
      {
        when: 'Header has no CollectionDetails',
        report: () => checkText(withoutCollection),
        ...at(withoutCollection, '<Header>'),
        field: C,
      },
      {
        when: 'Message has no Header',
        report: () => checkText(withoutHeader),
        ...at(withoutHeader, '<Message'),
        field: 'Message/Header',
      },
      {
        when: 'Message has no LearningProvider',
        report: () => checkText(withoutProvider),
        ...at(withoutProvider, '<Message'),
        field: 'Message/LearningProvider',
      },
      {
        when: 'LearningProvider has no UKPRN',
        report: () => checkDoc(ilrDoc({ providerUkprn: null })),
        ...at(ilrText(ilrDoc({ providerUkprn: null })), '<LearningProvider>'),
        field: 'Message/LearningProvider/UKPRN',
      },
    ],
    passes: [
      {
        when: 'SoftwareSupplier, SoftwarePackage and Release are left out',
        report: () =>
          checkDoc(
            ilrDoc({ header: { SoftwareSupplier: null, SoftwarePackage: null, Release: null } }),
          ),
      },
      {
        when: 'a TransmissionNumber is there too, as real MIS exports write it',
        report: () => checkDoc(ilrDoc({ header: { TransmissionNumber: '0013' } })),
      },
    ],
  },
  {
    code: 'XML_HEADER_DETAIL',
    severity: 'warning',
    breaks: [
      headerCase('Source has no ProtectiveMarking', { ProtectiveMarking: null }, '<Source>', {
        field: `${S}/ProtectiveMarking`,
        says: 'no ProtectiveMarking element',
      }),
      headerCase('DateTime is empty', { DateTime: '' }, '<DateTime>', {
        field: `${S}/DateTime`,
        says: 'an empty DateTime',
      }),
      headerCase('CollectionDetails has no Year', { Year: null }, '<CollectionDetails>', {
        field: `${C}/Year`,
        says: 'public ILR material',
      }),
    ],
    passes: [
      { when: 'every element is there', report: () => checkDoc() },
      {
        when: 'the elements nothing depends on are left out (SoftwareSupplier, SoftwarePackage, Release)',
        report: () =>
          checkDoc(
            ilrDoc({ header: { SoftwareSupplier: null, SoftwarePackage: null, Release: null } }),
          ),
      },
    ],
  },
  {
    code: 'XML_HEADER_VALUE',
    severity: 'warning',
    breaks: [
      headerCase('Collection is not ILR', { Collection: 'ILR2' }, '<Collection>', {
        value: 'ILR2',
      }),
      headerCase('Year is 1213', { Year: '1213' }, '<Year>', {
        field: `${C}/Year`,
        says: "'1213'",
      }),
      headerCase(
        'FilePreparationDate is written dd/mm/yyyy',
        { FilePreparationDate: '14/03/2012' },
        '<FilePreparationDate>',
        { says: 'not a real yyyy-mm-dd' },
      ),
      headerCase(
        'FilePreparationDate is 30 February',
        { FilePreparationDate: '2012-02-30' },
        '<FilePreparationDate>',
      ),
      headerCase(
        'DateTime has a space for its T',
        { DateTime: '2012-03-14 10:20:30' },
        '<DateTime>',
        {
          says: 'yyyy-mm-ddThh:mm:ss',
        },
      ),
    ],
    passes: [
      {
        when: 'DateTime has fractional seconds and a time zone',
        report: () => checkDoc(ilrDoc({ header: { DateTime: '2012-03-14T10:20:30.125+01:00' } })),
      },
      {
        when: 'DateTime is in UTC',
        report: () => checkDoc(ilrDoc({ header: { DateTime: '2012-03-14T10:20:30Z' } })),
      },
    ],
  },
  {
    code: 'XML_UKPRN_MISMATCH',
    severity: 'error',
    breaks: [
      headerCase("Header/Source/UKPRN is not the name's", { UKPRN: '10007929' }, '<UKPRN>', {
        field: `${S}/UKPRN`,
        value: '10007929',
        says: 'the file name says 10007928',
      }),
      {
        when: "LearningProvider/UKPRN is not the name's",
        report: () => checkDoc(ilrDoc({ providerUkprn: '10001234' })),
        ...at(ilrText(), '<UKPRN>', 2),
        field: 'Message/LearningProvider/UKPRN',
        value: '10001234',
      },
    ],
    passes: [
      { when: 'all three agree', report: () => checkDoc() },
      {
        when: 'the values have spaces around them',
        report: () => checkText(spaced),
      },
    ],
  },
  {
    code: 'XML_SERIAL_NO',
    severity: 'error',
    breaks: [
      headerCase('SerialNo is 00', { SerialNo: '00' }, '<SerialNo>', { says: 'from 01 to 99' }),
      headerCase('SerialNo is 0', { SerialNo: '0' }, '<SerialNo>', { value: '0' }),
      headerCase('SerialNo is not a number', { SerialNo: 'O1' }, '<SerialNo>', {
        value: 'O1',
        says: 'a number from 01 to 99',
      }),
      headerCase('SerialNo differs from NN', { SerialNo: '02' }, '<SerialNo>', {
        says: 'the file name ends in 01',
      }),
      headerCase('SerialNo is 2 without its zero and NN is 01', { SerialNo: '2' }, '<SerialNo>', {
        value: '2',
        says: 'the file name ends in 01',
      }),
      headerCase('SerialNo is 100', { SerialNo: '100' }, '<SerialNo>', { value: '100' }),
    ],
    passes: [
      {
        when: 'SerialNo is 1 and NN is 01 (compared as numbers, as a real MIS writes it)',
        report: () => checkDoc(ilrDoc({ header: { SerialNo: '1' } })),
      },
      {
        when: 'SerialNo is 7 and NN is 07',
        report: () => checkDoc(ilrDoc({ serialNo: '07', header: { SerialNo: '7' } })),
      },
      {
        when: 'SerialNo and NN are both 99',
        report: () => checkDoc(ilrDoc({ serialNo: '99' })),
      },
    ],
  },
  {
    code: 'XML_TRANSMISSION_TYPE',
    severity: 'error',
    breaks: [
      headerCase(
        'the header says B and the name A',
        { TransmissionType: 'B' },
        '<TransmissionType>',
        {
          says: 'the file name says A',
        },
      ),
      headerCase('the header says C', { TransmissionType: 'C' }, '<TransmissionType>', {
        says: 'must be A or B',
      }),
    ],
    passes: [
      { when: 'both say B', report: () => checkDoc(ilrDoc({ type: 'B' })) },
      {
        when: 'the name is checked as ILR-B too',
        report: () =>
          checkText(ilrText(ilrDoc({ type: 'B' })), {
            fileName: ilrName({ ...ilrDoc(), type: 'B' }),
          }),
      },
    ],
  },
  {
    code: 'XML_DATE_FUTURE',
    severity: 'warning',
    breaks: [
      headerCase(
        'FilePreparationDate is the day after today',
        { FilePreparationDate: '2012-03-21' },
        '<FilePreparationDate>',
        { says: 'after today' },
      ),
      headerCase('DateTime is next year', { DateTime: '2013-01-01T00:00:00' }, '<DateTime>'),
    ],
    passes: [
      {
        when: 'both are today',
        report: () =>
          checkDoc(
            ilrDoc({
              header: { FilePreparationDate: '2012-03-20', DateTime: '2012-03-20T23:59:59' },
            }),
          ),
      },
      {
        when: 'no date is given to compare with',
        report: () =>
          checkDoc(ilrDoc({ header: { FilePreparationDate: '2099-01-01' } }), { today: undefined }),
      },
    ],
  },
];
