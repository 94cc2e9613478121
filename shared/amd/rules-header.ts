// The rules of the file as a whole and of its 12-line header (file name to line 12).
import { rule, advice, guide, processing, reconstructed } from './rule-model';

export const HEADER_RULES = [
  rule(
    'AMD_FILENAME',
    'error',
    guide(
      'The guide: change, addition and deletion files "must be given a file name in the form" chgYYYYYYDNN.amd, addYYYYYYDTNN.amd or delYYYYYYDNN.amd, and D, T "must take one of the following values".',
    ),
    'File name is not chg/del + UPIN + L/A/H + NN, or add + UPIN + L/A/H + T + NN, .amd',
    'HEFCE identifies the provider, data set and sequence from the name alone.',
    'Rename the file, e.g. chg105432A01.amd or add105432H101.amd, with NN from 01 to 99.',
  ),
  rule(
    'AMD_ADDITION_SCOPE',
    'error',
    guide(
      'The guide: "T must take one of the following values": 3 adds learners with their aims and HE data, 2 aims and HE data, 1 HE data; a data set outside T is not among them.',
    ),
    'Addition type T does not allow this data set',
    'T=1 adds HE data only, T=2 learning aims and HE data, T=3 learners with their aims and HE data.',
    'Use the addition type that matches what is being added.',
  ),
  rule(
    'AMD_HEADER_INCOMPLETE',
    'error',
    guide(
      'The guide: every file "must contain a header in the following form", lines 1 to 12, and Table A: "The data must begin on this line" (13).',
    ),
    'Fewer than 12 header lines',
    'HEFCE reads lines 1 to 12 as the header and the data from line 13.',
    'Restore the missing header lines; notes lines 10 and 11 may be empty but must be present.',
  ),
  rule(
    'AMD_REFERENCE',
    'error',
    guide(
      'The guide\'s required header: line 1 is the amendment reference, which "will be the same as the filename with the .amd file extension removed" (Table A line 1).',
    ),
    'Line 1 is not the file name without .amd',
    'Line 1 is the amendment reference and must match the file name.',
    'Make line 1 the file name without .amd, or rename the file.',
  ),
  rule(
    'AMD_DATE',
    'error',
    guide(
      'The guide\'s required header: line 2 is the "creation date of the amendment file in the form ddmmyyyy".',
    ),
    'Line 2 is not a real date in ddmmyyyy form',
    'Line 2 is the creation date of the file, written ddmmyyyy.',
    'Write the date as eight digits, e.g. 14032011; a spreadsheet may have dropped a leading zero.',
  ),
  rule(
    'AMD_DATE_FUTURE',
    'warning',
    advice(
      'A creation date later than today is likely a typing or clock mistake; the guide sets no rule on it.',
    ),
    'Line 2 is a date in the future',
    'The creation date cannot be later than today.',
    "Check the date on line 2 and the computer's clock.",
  ),
  rule(
    'AMD_DESCRIPTION',
    'error',
    guide(
      'The guide\'s required header: line 3 is a "brief description of the correction" (Table A line 3: "Brief description"), so an empty line 3 leaves out a required line.',
    ),
    'Line 3 is empty',
    'Line 3 describes the correction and names the action plan reference it rectifies.',
    "Describe the correction, e.g. 'Changes to ILR fields H14 and H15 - reference number 1'.",
  ),
  rule(
    'AMD_DESCRIPTION_NO_REFERENCE',
    'warning',
    advice(
      'The guide asks line 3 to name "the reference number of the area of difference on the action plan", but it is free text and a reference written another way cannot be recognised for certain.',
    ),
    'Line 3 names no action-plan reference number',
    'HEFCE matches each file to the area of difference on the approved action plan.',
    "Add the plan's reference number, e.g. '- reference number 2'.",
  ),
  rule(
    'AMD_KIND',
    'error',
    guide(
      'The guide: line 4 "must contain the word CHANGE" (ADD, DELETE for the other kinds), and the kind is also in the file name.',
    ),
    'Line 4 contains none (or more than one) of CHANGE/ADD/DELETE, or does not match the file name',
    'Line 4 tells HEFCE which kind of amendment to apply: the guide says it must contain the word CHANGE, ADD or DELETE.',
    'Line 4 must be CHANGE for chg files, ADD for add files and DELETE for del files.',
  ),
  rule(
    'AMD_KIND_WORDING',
    'warning',
    guide(
      'The guide is ambiguous: its text says line 4 "must contain the word" while Table A shows the capital word alone, so the line is accepted with a warning and the builder writes the capital word alone.',
    ),
    'Line 4 holds the word CHANGE/ADD/DELETE, but not in capitals or not alone',
    "The guide says line 4 must contain the word, so the line is read as that kind; its Table A shows the capital word alone, and the guide does not say how HEFCE's loader compares the line.",
    'Make line 4 the capital word alone: CHANGE, ADD or DELETE.',
  ),
  rule(
    'AMD_UNIQUE_FIELDS',
    'error',
    guide(
      'The guide: the identifying fields "must be listed, comma separated, in line 5" of change and deletion files, and line 5 of an addition file "must be left blank" (Table A line 5).',
    ),
    'Line 5 (unique fields) is wrong for the kind of file',
    'Change and deletion files are matched to HEFCE records by the fields on line 5; addition files leave it blank.',
    'List the identifying fields on line 5 (each also on line 12), or leave it blank for an addition file.',
  ),
  rule(
    'AMD_RECOMMENDED_KEYS',
    'warning',
    guide(
      'The guide: "We recommend colleges use the following fields to uniquely identify" records (L01, L03, L42a, L42b; A01, A03, A05, A48a, A48b; H01, H03, H05, H09): a recommendation, not a must.',
    ),
    'Line 5 lacks some of the recommended unique fields',
    'HEFCE recommends L01, L03, L42a, L42b (learner), A01, A03, A05, A48a, A48b (aim) and H01, H03, H05, H09 (HE) so that each record matches exactly one of theirs.',
    "Check that the fields on line 5 identify each record uniquely in HEFCE's copy of the data.",
  ),
  rule(
    'AMD_CHANGED_FIELDS',
    'error',
    guide(
      'The guide: line 6 lists "the ILR fields being changed" and line 12 "will include" them; line 6 of addition and deletion files "must be left blank" (Table A line 6).',
    ),
    'Line 6 (changed fields) is wrong for the kind of file',
    'Line 6 lists the fields a change file corrects; addition and deletion files leave it blank.',
    'List the corrected fields on line 6 (each also on line 12), or leave it blank for addition and deletion files.',
  ),
  rule(
    'AMD_CHANGED_IS_KEY',
    'warning',
    advice(
      'The guide says nothing about it, but a record is found by its line 5 values, so a field on both lines is likely a mistake.',
    ),
    'A field is both a unique field and a changed field',
    'A field that identifies the record cannot also be corrected in the same file: HEFCE would look for the record by its new value.',
    'Correct identifying fields with a deletion and an addition, or check lines 5 and 6.',
  ),
  rule(
    'AMD_RECORD_COUNT',
    'error',
    processing(
      'HEFCE compares line 7 ("number of records contained in the amendment file") with the records it reads: a different count means a truncated or damaged file, which is rejected.',
    ),
    'Line 7 does not equal the number of records',
    'HEFCE uses the count to detect a file truncated or damaged in transit.',
    'Set line 7 to the number of data lines from line 13, or rebuild the file.',
  ),
  rule(
    'AMD_CHECKSUM_FIELD',
    'error',
    guide(
      'The guide: "The field used must be returned in line 8" and line 12 "will include ... the file check sum field (line 8)".',
    ),
    'Line 8 names no field of line 12',
    'The checksum is the sum of one numeric field of the file.',
    'Name on line 8 a numeric field listed on line 12.',
  ),
  rule(
    'AMD_CHECKSUM_VALUE',
    'error',
    processing(
      'The guide: "The sum of values in this field must be returned in line 9", and HEFCE "will check that the sum of values in a field is equal to the same calculation made by the college": a different sum fails that check.',
    ),
    'Line 9 does not equal the sum of the checksum field',
    'HEFCE recomputes the sum to prove the file was not corrupted in transit.',
    'Set line 9 to the sum of the checksum field over all records, or rebuild the file.',
  ),
  rule(
    'AMD_CHECKSUM_NON_NUMERIC',
    'error',
    guide(
      'Table A line 8: "ILR field for check sum. Must be numeric"; a value that is not a whole number cannot be summed.',
    ),
    "A record's checksum-field value is not a whole number",
    'The checksum can only be computed from whole numbers.',
    'Choose a checksum field whose values are all whole numbers, e.g. A11a, or correct the value.',
  ),
  rule(
    'AMD_CHECKSUM_UNSUITABLE',
    'warning',
    guide(
      'The guide: "Numeric fields that contain values greater than 20,000 (approximately) are unsuitable for calculating the check sum": approximate, so a warning.',
    ),
    'A checksum-field value exceeds 20000',
    'HEFCE says numeric fields with values above about 20,000 are unsuitable for the checksum.',
    'Choose a field with small whole numbers, or add one (e.g. A11a) solely for the checksum.',
  ),
  rule(
    'AMD_FIELD_LIST',
    'error',
    guide(
      'The guide: line 12 lists "all ILR fields included in the amendment file", which "must appear in the same order as each row of the data and must be comma separated"; an empty or repeated entry names no one field for its column.',
    ),
    'Line 12 is empty, has an empty entry or repeats a field',
    'Line 12 names every field of the records, in order.',
    'List each field once on line 12, comma separated, in the order of the data.',
  ),
  rule(
    'AMD_FIELD_EXTRA',
    'warning',
    guide(
      'The guide says line 12 of a change file "will include" the unique, changed and checksum fields, but does not forbid more, so a warning.',
    ),
    'Line 12 of a change file has a field that is neither unique, changed nor the checksum field',
    "A change file holds the unique fields, the changed fields and the checksum field; a warning, as the guide does not forbid more. Deletion files may carry more fields: the guide's own example lists A04 beside its keys and checksum.",
    'Remove the field, or add it to line 5 or 6.',
  ),
  rule(
    'AMD_FIELD_CASE',
    'warning',
    guide(
      "The guide is silent on case: it writes codes as A48a and L42a but never says case matters, so the code is accepted with a warning and the builder writes the guide's form.",
    ),
    "A field code on line 5, 6, 8 or 12 is written in another case than the ILR's (A48A for A48a)",
    "The guide writes field codes with a capital data set letter and a small occurrence letter (A48a, L42a) and never says case matters, so the code is read as that field; it does not say how HEFCE's loader compares codes.",
    "Write each code as the guide does, e.g. A48a rather than A48A (ReturnDesk's builder writes them so).",
  ),
  rule(
    'AMD_FIELD_NOT_ILR',
    'error',
    guide(
      'The guide: "Only ILR fields can be included in amendment files. Where changes to derived fields are required, the underlying ILR fields must be changed" (HEFLEVEL is its example).',
    ),
    'A field is not an ILR field code',
    'Only ILR fields can be amended; derived fields such as HEFLEVEL are recalculated by HEFCE from ILR fields.',
    'Use the ILR field code (e.g. H15 instead of HEFLEVEL): a letter L, A or H, two digits and an optional occurrence letter.',
  ),
  rule(
    'AMD_FIELD_DATASET',
    'error',
    guide(
      'The guide: D in the file name identifies "the ILR data set being changed" (added to, deleted from), "Each addition file must only contain additional records for one data set", and its line 12 is "a list of all fields in the relevant ILR data set".',
    ),
    "A field belongs to another data set than the file's",
    'Each amendment file amends one data set: L fields for learner files, A for learning aims, H for HE.',
    'Move the field to a file for its own data set.',
  ),
  rule(
    'AMD_FIELD_UNKNOWN',
    'warning',
    reconstructed(
      "The year's ILR catalogue, reconstructed from public material (confidence marked per field, not the year's specification): a code missing from it may still be a real field.",
    ),
    "A field code is not in the year's catalogue",
    "The code is well formed but is not in the catalogue of that year, which is reconstructed from public material: a warning, as the catalogue may be wrong. The guide's own A11, A48 and L42 are accepted as A11a/b, A48a/b and L42a/b.",
    'Check the code against the ILR specification for the year.',
  ),
  rule(
    'AMD_ADD_FIELDS_INCOMPLETE',
    'warning',
    reconstructed(
      'The guide says "all ILR fields for that data set must be included in the addition file", but which fields those are comes from the year\'s catalogue, reconstructed from public material (confidence marked per field).',
    ),
    "An addition file lacks fields of its data set in the year's catalogue",
    'An addition file must include all ILR fields of its data set, even blank ones; which fields those are comes from a reconstructed catalogue (2010-11 when no year is given), so this is a warning.',
    'Check the missing fields against the ILR specification for the year, and add those that exist to line 12 and to every record (empty values are allowed).',
  ),
  rule(
    'AMD_ADD_FIELDS_MISSING',
    'error',
    guide(
      'The guide: "all ILR fields for that data set must be included in the addition file even if some are blank"; only fields the guide itself names (its recommended unique fields, marked certain in the catalogue) are checked as errors.',
    ),
    'An addition file lacks a field the catalogue marks certain',
    "An addition file must include all ILR fields of its data set, and HEFCE's guide itself names these as fields of the data set (its recommended unique fields).",
    'Add the missing fields to line 12 and to every record.',
  ),
] as const;
