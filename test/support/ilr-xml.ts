// ILR 2011-12 XML amendment files for tests and the benchmark: a small document held as text,
// with every header value replaceable or removable, and a file of any size written by streaming.
// Element names follow the 2011-12 structure as exporters of the time wrote it; see
// shared/ilr-xml/header.ts for the paths the checker relies on.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

export const ILR_2011_12_NS = 'http://www.theia.org.uk/ILR/2011-12/1';

export interface IlrXmlDoc {
  ukprn: string;
  type: 'A' | 'B';
  serialNo: string;
  /** The header's own values, by element name; `null` leaves the element out. */
  header: Record<string, string | null>;
  /** The LearningProvider's UKPRN; `null` leaves it out. */
  providerUkprn: string | null;
  namespace: string;
  /** The root element's name, prefix included. */
  root: string;
  /** LearnRefNumber of each learner; `null` gives a learner without one. */
  learners: (string | null)[];
  eol: string;
}

/** A clean 'A' file of provider 10007928 with three learners, prepared on 14 March 2012. */
export function ilrDoc(over: Partial<IlrXmlDoc> = {}): IlrXmlDoc {
  const ukprn = over.ukprn ?? '10007928';
  const type = over.type ?? 'A';
  const serialNo = over.serialNo ?? '01';
  return {
    ukprn,
    type,
    serialNo,
    providerUkprn: ukprn,
    namespace: ILR_2011_12_NS,
    root: 'Message',
    learners: ['000000000001', '000000000002', 'AB1234'],
    eol: '\r\n',
    ...over,
    header: {
      Collection: 'ILR',
      Year: '1112',
      FilePreparationDate: '2012-03-14',
      ProtectiveMarking: 'PROTECT-PRIVATE',
      UKPRN: ukprn,
      TransmissionType: type,
      SoftwareSupplier: 'Example MIS Ltd',
      SoftwarePackage: 'Example MIS',
      Release: '3.1',
      SerialNo: serialNo,
      DateTime: '2012-03-14T10:20:30',
      ...over.header,
    },
  };
}

/** The file name the document's header agrees with, e.g. ILR-A-10007928-1112-0013-01.XML. */
export function ilrName(d: Pick<IlrXmlDoc, 'ukprn' | 'type' | 'serialNo'> = ilrDoc()): string {
  return `ILR-${d.type}-${d.ukprn}-1112-0013-${d.serialNo}.XML`;
}

const COLLECTION = ['Collection', 'Year', 'FilePreparationDate'];
// In the order a real MIS's 2011-12 writer emits them (reference); TransmissionNumber only when
// a test gives it.
const SOURCE = [
  'ProtectiveMarking',
  'UKPRN',
  'TransmissionNumber',
  'TransmissionType',
  'SoftwareSupplier',
  'SoftwarePackage',
  'Release',
  'SerialNo',
  'DateTime',
];

function leaves(names: string[], values: Record<string, string | null>, indent: string): string[] {
  return names.flatMap((n) => {
    const v = values[n];
    return v === null || v === undefined ? [] : [`${indent}<${n}>${v}</${n}>`];
  });
}

/** The root's prefix (or '') and local name. */
function rootParts(d: IlrXmlDoc): [prefix: string, local: string] {
  const colon = d.root.indexOf(':');
  return colon < 0 ? ['', d.root] : [d.root.slice(0, colon), d.root.slice(colon + 1)];
}

/** Everything before the first learner, unprefixed (ilrText adds the root's prefix). */
export function ilrHead(d: IlrXmlDoc): string[] {
  const [prefix, local] = rootParts(d);
  const xmlns = prefix ? `xmlns:${prefix}` : 'xmlns';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<${local} ${xmlns}="${d.namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '\t<Header>',
    '\t\t<CollectionDetails>',
    ...leaves(COLLECTION, d.header, '\t\t\t'),
    '\t\t</CollectionDetails>',
    '\t\t<Source>',
    ...leaves(SOURCE, d.header, '\t\t\t'),
    '\t\t</Source>',
    '\t</Header>',
    '\t<LearningProvider>',
  ];
  if (d.providerUkprn !== null) lines.push(`\t\t<UKPRN>${d.providerUkprn}</UKPRN>`);
  lines.push('\t\t<UPIN>105432</UPIN>', '\t</LearningProvider>');
  return lines;
}

// Names with entities, as real exports have them, so the parser's entity path is exercised.
const FAMILY = ['Smith', 'O&apos;Neil', 'Patel', 'Jones', 'Nowak', 'Brown &amp; Co'];
const GIVEN = ['Ann', 'Bob', 'Chidi', 'Dana', 'Eve', 'Farah'];
const AIMS = ['50079116', '60005567', '5006738X', 'ZESF0001'];

/** One Learner element with one to three LearningDelivery elements (1 + n % 3). */
export function ilrLearner(n: number, ref: string | null): string[] {
  const k = n * 7;
  const lines = ['\t<Learner>'];
  if (ref !== null) lines.push(`\t\t<LearnRefNumber>${ref}</LearnRefNumber>`);
  lines.push(
    `\t\t<ULN>${String(1000000000 + n).slice(0, 10)}</ULN>`,
    `\t\t<FamilyName>${FAMILY[n % FAMILY.length]}</FamilyName>`,
    `\t\t<GivenNames>${GIVEN[k % GIVEN.length]}</GivenNames>`,
    `\t\t<DateOfBirth>19${70 + (n % 25)}-0${1 + (n % 9)}-1${n % 10}</DateOfBirth>`,
    '\t\t<Ethnicity>31</Ethnicity>',
    `\t\t<Sex>${n % 2 ? 'F' : 'M'}</Sex>`,
    '\t\t<LLDDInd>2</LLDDInd>',
    '\t\t<Domicile>XF</Domicile>',
    '\t\t<PriorAttain>3</PriorAttain>',
    '\t\t<Dest>95</Dest>',
    '\t\t<LearnerContact>',
    '\t\t\t<LocType>2</LocType>',
    '\t\t\t<ContType>1</ContType>',
    '\t\t\t<PostCode>BS1 4AB</PostCode>',
    '\t\t</LearnerContact>',
    '\t\t<LearnerContact>',
    '\t\t\t<LocType>1</LocType>',
    '\t\t\t<ContType>2</ContType>',
    '\t\t\t<PostAdd>',
    `\t\t\t\t<AddLine1>${1 + (n % 200)} High Street</AddLine1>`,
    '\t\t\t\t<AddLine2>Bristol</AddLine2>',
    '\t\t\t</PostAdd>',
    '\t\t</LearnerContact>',
  );
  for (let a = 1; a <= 1 + (n % 3); a++) {
    lines.push(
      '\t\t<LearningDelivery>',
      `\t\t\t<LearnAimRef>${AIMS[(k + a) % AIMS.length]}</LearnAimRef>`,
      `\t\t\t<AimType>${a === 1 ? 4 : 1}</AimType>`,
      `\t\t\t<AimSeqNumber>${a}</AimSeqNumber>`,
      `\t\t\t<LearnStartDate>2011-09-0${1 + (k % 9)}</LearnStartDate>`,
      '\t\t\t<LearnPlanEndDate>2012-07-06</LearnPlanEndDate>',
      '\t\t\t<FundModel>22</FundModel>',
      '\t\t\t<ProgType>99</ProgType>',
      '\t\t\t<DelLocPostCode>BS1 4AB</DelLocPostCode>',
      '\t\t\t<CompStatus>1</CompStatus>',
      '\t\t\t<LearningDeliveryFAM>',
      '\t\t\t\t<LearnDelFAMType>SOF</LearnDelFAMType>',
      '\t\t\t\t<LearnDelFAMCode>105</LearnDelFAMCode>',
      '\t\t\t</LearningDeliveryFAM>',
      '\t\t</LearningDelivery>',
    );
  }
  lines.push('\t</Learner>');
  return lines;
}

export function ilrTail(d: IlrXmlDoc): string[] {
  return [`</${rootParts(d)[1]}>`];
}

/** The whole document as text, each line ended by `d.eol`; every element takes the root's prefix. */
export function ilrText(d: IlrXmlDoc = ilrDoc()): string {
  const [prefix] = rootParts(d);
  const lines = [
    ...ilrHead(d),
    ...d.learners.flatMap((ref, i) => ilrLearner(i + 1, ref)),
    ...ilrTail(d),
  ];
  const tagged = prefix
    ? lines.map((l) => l.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}:`))
    : lines;
  return tagged.map((l) => l + d.eol).join('');
}

/** How many LearningDelivery elements `learners` learners carry. */
export function deliveriesOf(learners: number): number {
  let n = 0;
  for (let i = 1; i <= learners; i++) n += 1 + (i % 3);
  return n;
}

/** The 1-based line and column where the `nth` (from 1) occurrence of `needle` starts. */
export function positionOf(
  text: string,
  needle: string,
  nth = 1,
): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

export interface GeneratedXmlFile {
  path: string;
  name: string;
  bytes: number;
  learners: number;
  deliveries: number;
}

/**
 * Writes a valid file of at least `minBytes` bytes to `dir`, streaming, so a 200 MB file never sits
 * in memory. Learner references are the learner's number, zero-padded: all distinct.
 */
export async function writeIlrXmlFile(dir: string, minBytes: number): Promise<GeneratedXmlFile> {
  const d = ilrDoc({ learners: [] });
  const name = ilrName(d);
  const path = join(dir, name);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (lines: string[]) => {
    const text = lines.map((l) => l + d.eol).join('');
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(ilrHead(d));
  const tail = Buffer.byteLength(ilrTail(d).join(d.eol) + d.eol);
  let learners = 0;
  while (bytes + tail < minBytes) {
    const batch: string[] = [];
    for (let i = 0; i < 500; i++) {
      learners++;
      batch.push(...ilrLearner(learners, String(learners).padStart(12, '0')));
    }
    await write(batch);
  }
  await write(ilrTail(d));
  out.end();
  await once(out, 'finish');
  return { path, name, bytes, learners, deliveries: deliveriesOf(learners) };
}
