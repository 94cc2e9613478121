// The ILR 2011-12 XML rule set. Codes are stable, as for .amd files: users, reports and support
// notes refer to them. Each rule says why it matters and what to do, so every message says both.
import type { Rule, Severity } from '../amd/rules';

export const XML_RULESET_VERSION = 'ilr-xml-2011-12.1';

function rule(code: string, severity: Severity, title: string, why: string, check: string): Rule {
  return { code, severity, title, why, check };
}

const R = [
  rule(
    'XML_FILE_NAME',
    'error',
    'File name is not ILR-A|B-UKPRN-1112-transmission-NN.XML',
    'The file name tells HEFCE and the Data Service whose file it is, for which year, and which serial number it carries.',
    'Rename the file, e.g. ILR-A-10007928-1112-0013-01.XML: A or B, the eight-digit UKPRN, 1112, a four-digit transmission number and NN from 01 to 99.',
  ),
  rule(
    'XML_ENCODING',
    'error',
    'The bytes are not in the encoding the file declares',
    'An XML file without an encoding declaration, or declaring UTF-8, must be UTF-8; the validation software stops at the first byte that is not.',
    'Export the file from the MIS again as UTF-8, or open it in a text editor and save it as UTF-8; do not save it from Excel.',
  ),
  rule(
    'XML_NOT_WELL_FORMED',
    'error',
    'The file is not well-formed XML',
    'Software reading XML stops at the first error, so nothing after it can be read or checked.',
    'Open the file in an XML editor at the place shown; usually a tag is not closed or an & is not written &amp;. Export it from the MIS again rather than editing by hand where you can.',
  ),
  rule(
    'XML_ROOT',
    'error',
    'The root element is not Message',
    'An ILR file is one Message element holding the Header, the LearningProvider and the learners.',
    'Check that this is an ILR file exported by the MIS, not another XML file.',
  ),
  rule(
    'XML_NAMESPACE',
    'error',
    'Message is not in the ILR 2011-12 namespace',
    'The namespace names the ILR year whose structure the file follows: http://www.theia.org.uk/ILR/2011-12/1 for 2011-12.',
    'Export the file from the MIS for the 2011-12 year; amend 2011-12 data with a 2011-12 file.',
  ),
  rule(
    'XML_HEADER_MISSING',
    'error',
    'A Header or LearningProvider element is missing or empty',
    'The validation software reads the collection, year, provider, transmission type and serial number from these elements.',
    'Export the file from the MIS again; do not remove header elements by hand.',
  ),
  rule(
    'XML_HEADER_VALUE',
    'error',
    'A header value has the wrong form',
    'Collection is ILR, Year is 1112 for 2011-12, dates are written yyyy-mm-dd and DateTime yyyy-mm-ddThh:mm:ss.',
    "Correct the value in the MIS's export settings and export the file again.",
  ),
  rule(
    'XML_UKPRN_MISMATCH',
    'error',
    'A UKPRN in the file differs from the one in the file name',
    'The file name, Header/Source/UKPRN and LearningProvider/UKPRN must all name the same provider.',
    'Check that the file belongs to your college and that the name was not copied from another file.',
  ),
  rule(
    'XML_SERIAL_NO',
    'error',
    'SerialNo is not two digits from 01, or differs from NN in the file name',
    'The serial number NN at the end of the file name is repeated in Header/Source/SerialNo; 00 is not a serial number.',
    'Make SerialNo and NN the same two digits, 01 to 99.',
  ),
  rule(
    'XML_TRANSMISSION_TYPE',
    'error',
    'TransmissionType is not A or B, or differs from the file name',
    'An A file holds every learner and replaces all data held; a B file holds only changed learners and updates just those.',
    'Make TransmissionType and the letter after ILR- in the file name the same, A or B, as the action plan intends.',
  ),
  rule(
    'XML_DATE_FUTURE',
    'warning',
    'FilePreparationDate or DateTime is after today',
    'A file cannot have been prepared in the future.',
    "Check the date in the header and the computer's clock.",
  ),
  rule(
    'XML_LEARNER_REF_MISSING',
    'error',
    'A Learner has no LearnRefNumber',
    'Each learner is matched to HEFCE data by its learner reference number.',
    'Fill in the learner reference number (L03) in the MIS and export the file again.',
  ),
  rule(
    'XML_DUPLICATE_LEARNER',
    'error',
    'Two Learner elements share a LearnRefNumber',
    'Each learner appears once in a file, with all of their learning deliveries.',
    'Merge the two learners in the MIS, or correct the learner reference number of one of them.',
  ),
  rule(
    'XML_NO_LEARNERS',
    'warning',
    'The file has no Learner elements',
    'A file with no learners amends nothing, and an A file with no learners would replace all data held with none.',
    'Check that the export was not empty and that the right learners were selected.',
  ),
] as const;

export type XmlRuleCode = (typeof R)[number]['code'];

export const XML_RULES: ReadonlyMap<string, Rule> = new Map(R.map((r) => [r.code, r]));
