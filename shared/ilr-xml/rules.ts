// The ILR 2011-12 XML rule set. Codes are stable, as for .amd files: users, reports and support
// notes refer to them. Each rule says why it matters and what to do, so every message says both,
// and why it is an error or a warning (its basis): HEFCE's guide says almost nothing about the XML
// itself, so an error is kept only where processing would certainly fail; what rests on the
// reconstructed 2011-12 structure (shared/reference: element names, namespace, header values) is
// a warning naming its source and confidence.
import type { Rule, RuleBasis, Severity } from '../amd/rules';

export const XML_RULESET_VERSION = 'ilr-xml-2011-12.2';

/** The basis and rule shapes are shared with the .amd rules; these names stay for XML code. */
export type XmlRuleBasis = RuleBasis;
export type XmlRule = Rule;

function rule(
  code: string,
  severity: Severity,
  basis: XmlRuleBasis,
  title: string,
  why: string,
  check: string,
): XmlRule {
  return { code, severity, title, why, check, basis };
}

const processing = (source: string): XmlRuleBasis => ({ kind: 'processing', source });
const reconstructed = (source: string): XmlRuleBasis => ({ kind: 'reconstructed', source });
const advice = (source: string): XmlRuleBasis => ({ kind: 'advice', source });

/** Said in every message of a rule that rests on reconstructed knowledge. */
const FROM_PUBLIC_MATERIAL =
  'The 2011-12 XML structure comes from public ILR material, not from the HEFCE guide (high confidence, not confirmed), so this is a warning.';

const R = [
  rule(
    'XML_FILE_NAME',
    'error',
    processing(
      'The provider, year, A or B and serial number are read from the name: the history and batches of ReturnDesk cannot keep a file without them, and a name for another year than its content contradicts it. Pattern from public ILR material and real file names (e.g. ILR-A-10007928-1112-0013-01.XML).',
    ),
    'File name is not ILR-A|B-UKPRN-1112-transmission-NN.XML',
    'The file name tells HEFCE and the Data Service whose file it is, for which year, and which serial number it carries.',
    'Rename the file, e.g. ILR-A-10007928-1112-0013-01.XML: A or B, the eight-digit UKPRN, 1112, a four-digit transmission number and NN from 01 to 99.',
  ),
  rule(
    'XML_ENCODING',
    'error',
    processing('XML 1.0: bytes not in the declared encoding are a fatal error for any reader.'),
    'The bytes are not in the encoding the file declares',
    'An XML file without an encoding declaration, or declaring UTF-8, must be UTF-8; the validation software stops at the first byte that is not.',
    'Export the file from the MIS again as UTF-8, or open it in a text editor and save it as UTF-8; do not save it from Excel.',
  ),
  rule(
    'XML_NOT_WELL_FORMED',
    'error',
    processing('XML 1.0: a well-formedness error is fatal; no reader goes past it.'),
    'The file is not well-formed XML',
    'Software reading XML stops at the first error, so nothing after it can be read or checked.',
    'Open the file in an XML editor at the place shown; usually a tag is not closed or an & is not written &amp;. Export it from the MIS again rather than editing by hand where you can.',
  ),
  rule(
    'XML_ROOT',
    'error',
    processing(
      'Under any other root no header or learner can be found, so nothing in the file can be read as ILR data; every ILR XML year and MIS export seen has root Message.',
    ),
    'The root element is not Message',
    'An ILR file is one Message element holding the Header, the LearningProvider and the learners.',
    'Check that this is an ILR file exported by the MIS, not another XML file.',
  ),
  rule(
    'XML_NAMESPACE',
    'warning',
    reconstructed(
      'Namespace http://www.theia.org.uk/ILR/2011-12/1 from public ILR material (reference, high confidence); the file can still be read without it.',
    ),
    'Message is not in the ILR 2011-12 namespace',
    `The namespace names the ILR year whose structure the file follows: http://www.theia.org.uk/ILR/2011-12/1 for 2011-12. ${FROM_PUBLIC_MATERIAL}`,
    'Export the file from the MIS for the 2011-12 year; amend 2011-12 data with a 2011-12 file.',
  ),
  rule(
    'XML_LATER_YEAR',
    'warning',
    advice(
      'These rules know the 2011-12 structure only; a 2012-13 or later file is not wrong, just not checked beyond what holds in every year.',
    ),
    'The file is for a later ILR year, not checked by these rules',
    'These checks know the ILR 2011-12 structure only, so the header of a later year was not checked; being well-formed, the UKPRNs and serial number agreeing with the name and every learner having its own reference were.',
    'Check the file against the ILR specification of that year, or with the validation software of that year.',
  ),
  rule(
    'XML_HEADER_MISSING',
    'error',
    processing(
      'Header (CollectionDetails and Source) and LearningProvider, with UKPRN, TransmissionType and SerialNo, say whose file it is, whether it replaces or updates and which serial it is; without them it cannot be identified or kept. The 2011-12 writer of a real MIS emits each of them (reference, evidence).',
    ),
    'A Header or LearningProvider element, or one the file is identified by, is missing or empty',
    'The validation software reads the provider, transmission type and serial number from these elements.',
    'Export the file from the MIS again; do not remove header elements by hand.',
  ),
  rule(
    'XML_HEADER_DETAIL',
    'warning',
    reconstructed(
      'Collection, Year, FilePreparationDate, ProtectiveMarking and DateTime from public ILR material (reference, reconstructed); whether each was mandatory in 2011-12 is not confirmed.',
    ),
    'A header element of the 2011-12 structure is missing or empty',
    `Collection, Year and FilePreparationDate in CollectionDetails, and ProtectiveMarking and DateTime in Source, are in the 2011-12 header as exporters of the time wrote it. ${FROM_PUBLIC_MATERIAL}`,
    'Check that the MIS exported the whole header; export the file again rather than adding elements by hand.',
  ),
  rule(
    'XML_HEADER_VALUE',
    'warning',
    reconstructed(
      'Collection ILR, Year 1112 and the yyyy-mm-dd and yyyy-mm-ddThh:mm:ss forms from public ILR material (reference, reconstructed, high confidence).',
    ),
    'A header value has the wrong form',
    `Collection is ILR, Year is 1112 for 2011-12, dates are written yyyy-mm-dd and DateTime yyyy-mm-ddThh:mm:ss. ${FROM_PUBLIC_MATERIAL}`,
    "Correct the value in the MIS's export settings and export the file again.",
  ),
  rule(
    'XML_UKPRN_MISMATCH',
    'error',
    processing(
      'The file contradicts itself about whose data it holds, so it cannot be applied to the right provider.',
    ),
    'A UKPRN in the file differs from the one in the file name',
    'The file name, Header/Source/UKPRN and LearningProvider/UKPRN must all name the same provider.',
    'Check that the file belongs to your college and that the name was not copied from another file.',
  ),
  rule(
    'XML_SERIAL_NO',
    'error',
    processing(
      'A name and header giving different serial numbers contradict each other, and 0 numbers no file (NN runs from 01: reference). Compared as numbers, since a real MIS writes <SerialNo>1</SerialNo> for NN 01 (reference, evidence).',
    ),
    'SerialNo is not a number from 1 to 99, or differs from NN in the file name',
    'The serial number NN at the end of the file name is repeated in Header/Source/SerialNo; they are compared as numbers, so 1 and 01 agree, and 0 or 00 is not a serial number.',
    'Make SerialNo and NN the same number from 01 to 99.',
  ),
  rule(
    'XML_TRANSMISSION_TYPE',
    'error',
    {
      kind: 'guide',
      source:
        'The guide: amendments are ILR A or B files. An A file replaces all data held and a B file only changed learners, so a file whose name and header disagree cannot be processed as either with certainty.',
    },
    'TransmissionType is not A or B, or differs from the file name',
    'An A file holds every learner and replaces all data held; a B file holds only changed learners and updates just those.',
    'Make TransmissionType and the letter after ILR- in the file name the same, A or B, as the action plan intends.',
  ),
  rule(
    'XML_DATE_FUTURE',
    'warning',
    advice('A date after today is most likely a wrong clock or a typing error.'),
    'FilePreparationDate or DateTime is after today',
    'A file cannot have been prepared in the future.',
    "Check the date in the header and the computer's clock.",
  ),
  rule(
    'XML_LEARNER_REF_MISSING',
    'error',
    processing('A learner without its reference (the learner key, L03) cannot be matched.'),
    'A Learner has no LearnRefNumber',
    'Each learner is matched to HEFCE data by its learner reference number.',
    'Fill in the learner reference number (L03) in the MIS and export the file again.',
  ),
  rule(
    'XML_DUPLICATE_LEARNER',
    'error',
    processing('Two learners with one key cannot both be applied; which one counts is undefined.'),
    'Two Learner elements share a LearnRefNumber',
    'Each learner appears once in a file, with all of their learning deliveries.',
    'Merge the two learners in the MIS, or correct the learner reference number of one of them.',
  ),
  rule(
    'XML_NO_LEARNERS',
    'warning',
    advice('An empty file may be intended (an A file emptying the data held), so never certain.'),
    'The file has no Learner elements',
    'A file with no learners amends nothing, and an A file with no learners would replace all data held with none.',
    'Check that the export was not empty and that the right learners were selected.',
  ),
] as const;

export type XmlRuleCode = (typeof R)[number]['code'];

export const XML_RULES: ReadonlyMap<string, XmlRule> = new Map(R.map((r) => [r.code, r]));
