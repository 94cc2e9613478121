// The amendment-file rule set. Codes are stable: users, reports and support notes refer to them.
// Each rule carries why it matters and what to check, so every message can say all three.
import type { XmlRuleCode } from '../ilr-xml/rules';
import { XML_RULES } from '../ilr-xml/rules';

export type Severity = 'error' | 'warning';

export const RULESET_VERSION = 'amd-2010-11.2';

export interface Rule {
  code: string;
  severity: Severity;
  /** One line for rule listings. */
  title: string;
  /** Why HEFCE cares: appended to the finding's specific text. */
  why: string;
  /** What the user should check or do. */
  check: string;
}

function rule(code: string, severity: Severity, title: string, why: string, check: string): Rule {
  return { code, severity, title, why, check };
}

const R = [
  rule(
    'AMD_FILENAME',
    'error',
    'File name is not chg/del + UPIN + L/A/H + NN, or add + UPIN + L/A/H + T + NN, .amd',
    'HEFCE identifies the provider, data set and sequence from the name alone.',
    'Rename the file, e.g. chg105432A01.amd or add105432H101.amd, with NN from 01 to 99.',
  ),
  rule(
    'AMD_ADDITION_SCOPE',
    'error',
    'Addition type T does not allow this data set',
    'T=1 adds HE data only, T=2 learning aims and HE data, T=3 learners with their aims and HE data.',
    'Use the addition type that matches what is being added.',
  ),
  rule(
    'AMD_HEADER_INCOMPLETE',
    'error',
    'Fewer than 12 header lines',
    'HEFCE reads lines 1 to 12 as the header and the data from line 13.',
    'Restore the missing header lines; notes lines 10 and 11 may be empty but must be present.',
  ),
  rule(
    'AMD_REFERENCE',
    'error',
    'Line 1 is not the file name without .amd',
    'Line 1 is the amendment reference and must match the file name.',
    'Make line 1 the file name without .amd, or rename the file.',
  ),
  rule(
    'AMD_DATE',
    'error',
    'Line 2 is not a real date in ddmmyyyy form',
    'Line 2 is the creation date of the file, written ddmmyyyy.',
    'Write the date as eight digits, e.g. 14032011; a spreadsheet may have dropped a leading zero.',
  ),
  rule(
    'AMD_DATE_FUTURE',
    'warning',
    'Line 2 is a date in the future',
    'The creation date cannot be later than today.',
    "Check the date on line 2 and the computer's clock.",
  ),
  rule(
    'AMD_DESCRIPTION',
    'error',
    'Line 3 is empty',
    'Line 3 describes the correction and names the action plan reference it rectifies.',
    "Describe the correction, e.g. 'Changes to ILR fields H14 and H15 - reference number 1'.",
  ),
  rule(
    'AMD_DESCRIPTION_NO_REFERENCE',
    'warning',
    'Line 3 names no action-plan reference number',
    'HEFCE matches each file to the area of difference on the approved action plan.',
    "Add the plan's reference number, e.g. '- reference number 2'.",
  ),
  rule(
    'AMD_KIND',
    'error',
    'Line 4 contains none (or more than one) of CHANGE/ADD/DELETE, or does not match the file name',
    'Line 4 tells HEFCE which kind of amendment to apply: the guide says it must contain the word CHANGE, ADD or DELETE.',
    'Line 4 must be CHANGE for chg files, ADD for add files and DELETE for del files.',
  ),
  rule(
    'AMD_KIND_WORDING',
    'warning',
    'Line 4 holds the word CHANGE/ADD/DELETE, but not in capitals or not alone',
    "The guide says line 4 must contain the word, so the line is read as that kind; its Table A shows the capital word alone, and the guide does not say how HEFCE's loader compares the line.",
    'Make line 4 the capital word alone: CHANGE, ADD or DELETE.',
  ),
  rule(
    'AMD_UNIQUE_FIELDS',
    'error',
    'Line 5 (unique fields) is wrong for the kind of file',
    'Change and deletion files are matched to HEFCE records by the fields on line 5; addition files leave it blank.',
    'List the identifying fields on line 5 (each also on line 12), or leave it blank for an addition file.',
  ),
  rule(
    'AMD_RECOMMENDED_KEYS',
    'warning',
    'Line 5 lacks some of the recommended unique fields',
    'HEFCE recommends L01, L03, L42a, L42b (learner), A01, A03, A05, A48a, A48b (aim) and H01, H03, H05, H09 (HE) so that each record matches exactly one of theirs.',
    "Check that the fields on line 5 identify each record uniquely in HEFCE's copy of the data.",
  ),
  rule(
    'AMD_CHANGED_FIELDS',
    'error',
    'Line 6 (changed fields) is wrong for the kind of file',
    'Line 6 lists the fields a change file corrects; addition and deletion files leave it blank.',
    'List the corrected fields on line 6 (each also on line 12), or leave it blank for addition and deletion files.',
  ),
  rule(
    'AMD_CHANGED_IS_KEY',
    'warning',
    'A field is both a unique field and a changed field',
    'A field that identifies the record cannot also be corrected in the same file: HEFCE would look for the record by its new value.',
    'Correct identifying fields with a deletion and an addition, or check lines 5 and 6.',
  ),
  rule(
    'AMD_RECORD_COUNT',
    'error',
    'Line 7 does not equal the number of records',
    'HEFCE uses the count to detect a file truncated or damaged in transit.',
    'Set line 7 to the number of data lines from line 13, or rebuild the file.',
  ),
  rule(
    'AMD_CHECKSUM_FIELD',
    'error',
    'Line 8 names no field of line 12',
    'The checksum is the sum of one numeric field of the file.',
    'Name on line 8 a numeric field listed on line 12.',
  ),
  rule(
    'AMD_CHECKSUM_VALUE',
    'error',
    'Line 9 does not equal the sum of the checksum field',
    'HEFCE recomputes the sum to prove the file was not corrupted in transit.',
    'Set line 9 to the sum of the checksum field over all records, or rebuild the file.',
  ),
  rule(
    'AMD_CHECKSUM_NON_NUMERIC',
    'error',
    "A record's checksum-field value is not a whole number",
    'The checksum can only be computed from whole numbers.',
    'Choose a checksum field whose values are all whole numbers, e.g. A11a, or correct the value.',
  ),
  rule(
    'AMD_CHECKSUM_UNSUITABLE',
    'warning',
    'A checksum-field value exceeds 20000',
    'HEFCE says numeric fields with values above about 20,000 are unsuitable for the checksum.',
    'Choose a field with small whole numbers, or add one (e.g. A11a) solely for the checksum.',
  ),
  rule(
    'AMD_FIELD_LIST',
    'error',
    'Line 12 is empty, has an empty entry or repeats a field',
    'Line 12 names every field of the records, in order.',
    'List each field once on line 12, comma separated, in the order of the data.',
  ),
  rule(
    'AMD_FIELD_EXTRA',
    'warning',
    'Line 12 of a change file has a field that is neither unique, changed nor the checksum field',
    "A change file holds the unique fields, the changed fields and the checksum field; a warning, as the guide does not forbid more. Deletion files may carry more fields: the guide's own example lists A04 beside its keys and checksum.",
    'Remove the field, or add it to line 5 or 6.',
  ),
  rule(
    'AMD_FIELD_CASE',
    'warning',
    "A field code on line 5, 6, 8 or 12 is written in another case than the ILR's (A48A for A48a)",
    "The guide writes field codes with a capital data set letter and a small occurrence letter (A48a, L42a) and never says case matters, so the code is read as that field; it does not say how HEFCE's loader compares codes.",
    "Write each code as the guide does, e.g. A48a rather than A48A (ReturnDesk's builder writes them so).",
  ),
  rule(
    'AMD_FIELD_NOT_ILR',
    'error',
    'A field is not an ILR field code',
    'Only ILR fields can be amended; derived fields such as HEFLEVEL are recalculated by HEFCE from ILR fields.',
    'Use the ILR field code (e.g. H15 instead of HEFLEVEL): a letter L, A or H, two digits and an optional occurrence letter.',
  ),
  rule(
    'AMD_FIELD_DATASET',
    'error',
    "A field belongs to another data set than the file's",
    'Each amendment file amends one data set: L fields for learner files, A for learning aims, H for HE.',
    'Move the field to a file for its own data set.',
  ),
  rule(
    'AMD_FIELD_UNKNOWN',
    'warning',
    "A field code is not in the year's catalogue",
    "The code is well formed but is not in the catalogue of that year, which is reconstructed from public material: a warning, as the catalogue may be wrong. The guide's own A11, A48 and L42 are accepted as A11a/b, A48a/b and L42a/b.",
    'Check the code against the ILR specification for the year.',
  ),
  rule(
    'AMD_ADD_FIELDS_INCOMPLETE',
    'warning',
    "An addition file lacks fields of its data set in the year's catalogue",
    'An addition file must include all ILR fields of its data set, even blank ones; which fields those are comes from a reconstructed catalogue (2010-11 when no year is given), so this is a warning.',
    'Check the missing fields against the ILR specification for the year, and add those that exist to line 12 and to every record (empty values are allowed).',
  ),
  rule(
    'AMD_ADD_FIELDS_MISSING',
    'error',
    'An addition file lacks a field the catalogue marks certain',
    "An addition file must include all ILR fields of its data set, and HEFCE's guide itself names these as fields of the data set (its recommended unique fields).",
    'Add the missing fields to line 12 and to every record.',
  ),
  rule(
    'AMD_RECORD_FIELDS',
    'error',
    'A record has more or fewer values than line 12',
    'HEFCE reads values by position; a missing or extra comma shifts every following value.',
    'Check the record for a comma inside a value or a missing value.',
  ),
  rule(
    'AMD_DUPLICATE_KEY',
    'error',
    'Two records share the same unique-field values',
    "Each record must identify exactly one record in HEFCE's data.",
    'Remove the duplicate record, or add fields to line 5 until each record is unique.',
  ),
  rule(
    'AMD_KEY_EMPTY',
    'error',
    'A unique-field value is empty',
    "A record cannot be matched to HEFCE's data without its identifying values.",
    'Fill in the value from the MIS.',
  ),
  rule(
    'AMD_PROVIDER_MISMATCH',
    'error',
    'The provider field differs from the UPIN in the file name',
    'Every record must belong to the provider named in the file name.',
    'Check for lost leading zeros (a spreadsheet turns 012345 into 12345) or a record of another provider.',
  ),
  rule(
    'AMD_EXCEL_EXPONENT',
    'error',
    "A value is in Excel's exponent form",
    'Excel turns long numbers into forms like 9.91E+12, losing digits for good.',
    'Take the value again from the MIS and edit the file in a text editor such as Notepad, never Excel.',
  ),
  rule(
    'AMD_EXCEL_DATE',
    'warning',
    'A value looks like a date rewritten by a spreadsheet',
    'ILR dates are written ddmmyyyy; a spreadsheet rewrites them as 14/03/2011 or 2011-03-14.',
    'Take the value again from the MIS and write it as eight digits.',
  ),
  rule(
    'AMD_QUOTED_VALUE',
    'error',
    'A value contains a double quote',
    'The format has no quoting: HEFCE would read the quote characters as part of the value.',
    'Remove the quotes; a spreadsheet may have added them when saving.',
  ),
  rule(
    'AMD_CONTROL_CHARACTER',
    'error',
    'A value contains a control character',
    "Control characters such as NUL or TAB are not text: they usually mean a damaged copy or a binary export, and HEFCE's loader would store them as part of the value.",
    'Take the value again from the MIS and save the file as plain text.',
  ),
  rule(
    'AMD_VALUE_TOO_LONG',
    'warning',
    "A value is longer than the field's length in the catalogue",
    'A value longer than the field allows is truncated or rejected by the ILR validation.',
    'Check the value against the field length in the ILR specification.',
  ),
  rule(
    'AMD_NO_RECORDS',
    'warning',
    'The file has no records',
    'An amendment file with no records amends nothing.',
    'Check that the extract was not empty.',
  ),
  rule(
    'AMD_BLANK_LINE',
    'warning',
    'An empty line between records',
    'HEFCE may read an empty line as a record with every value blank.',
    'Remove the empty line.',
  ),
  rule(
    'AMD_NO_FINAL_BLANK_LINE',
    'warning',
    'No line break after the final record',
    'The guide asks for a blank line after the final record so the last record is complete.',
    'End the file with a line break after the last record.',
  ),
  rule(
    'AMD_LINE_ENDINGS',
    'warning',
    'Lines end with LF only or CR only, or a stray carriage return',
    'The guide asks for records separated by a carriage return, and amendment files are Windows text files, whose lines end with CR LF; other endings are read line by line all the same, but HEFCE may not read them so.',
    'Save the file with Windows (CRLF) line endings.',
  ),
  rule(
    'AMD_BOM',
    'warning',
    'The file starts with a UTF-8 byte-order mark',
    'Some loaders read the mark as part of line 1, so the reference no longer matches.',
    'Save the file without a byte-order mark (ANSI).',
  ),
  rule(
    'AMD_ADDITION_SET',
    'warning',
    'An addition set is incomplete or its files do not share one NN',
    'A T=3 set is an L, an A and an H file, a T=2 set an A and an H file (the H file only when some aims are HE); all files of one set share NN.',
    'Check that every file of the set is present and carries the same NN.',
  ),
  rule(
    'AMD_DELETE_CASCADE',
    'warning',
    'Records deleted from the learner data set are deleted from another data set too',
    "A deletion cascades: a learner deletion also removes the learner's learning aims and HE data, and a learning aim deletion its HE data, so one file suffices; HEFCE may find nothing left to delete in the second file.",
    'Keep the deletion in the learner (or learning aim) file alone, unless HEFCE asked for both.',
  ),
] as const;

export type AmdRuleCode = (typeof R)[number]['code'];

/** Every code a finding can carry: these .amd rules and the ILR XML rules of shared/ilr-xml. */
export type RuleCode = AmdRuleCode | XmlRuleCode;

/** The .amd rules only; the XML rules are XML_RULES. */
export const RULES: ReadonlyMap<string, Rule> = new Map(R.map((r) => [r.code, r]));

/** Findings of both kinds share one report, so one lookup serves both rule sets. */
export function ruleFor(code: RuleCode): Rule {
  const found = RULES.get(code) ?? XML_RULES.get(code);
  if (!found) throw new Error(`unknown rule ${code}`);
  return found;
}
