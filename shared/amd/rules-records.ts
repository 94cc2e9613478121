// The rules of the records (line 13 on), of line endings and of sets of files checked together.
import { rule, advice, guide, processing, reconstructed } from './rule-model';

export const RECORD_RULES = [
  rule(
    'AMD_RECORD_FIELDS',
    'error',
    guide(
      'The guide: the data "must consist of comma-separated fields, corresponding to those specified in line 12"; with more or fewer values every later value is read as the wrong field.',
    ),
    'A record has more or fewer values than line 12',
    'HEFCE reads values by position; a missing or extra comma shifts every following value.',
    'Check the record for a comma inside a value or a missing value.',
  ),
  rule(
    'AMD_DUPLICATE_KEY',
    'error',
    guide(
      'The guide: "we must be able to identify each record on the amendment file in such a way that it uniquely identifies the record on the ILR return"; two records with the same unique values cannot both do so.',
    ),
    'Two records share the same unique-field values',
    "Each record must identify exactly one record in HEFCE's data.",
    'Remove the duplicate record, or add fields to line 5 until each record is unique.',
  ),
  rule(
    'AMD_KEY_EMPTY',
    'error',
    guide(
      'The guide: "we must be able to identify each record on the amendment file in such a way that it uniquely identifies the record on the ILR return", by its line 5 fields; only provider, learner reference and sequence numbers (L01, L03, A01, A03, A05, H01, H03, H05), never blank in ILR data, are checked, while L42a/b and A48a/b may be blank.',
    ),
    'A unique-field value is empty',
    "A record cannot be matched to HEFCE's data without its identifying values.",
    'Fill in the value from the MIS.',
  ),
  rule(
    'AMD_PROVIDER_MISMATCH',
    'error',
    guide(
      'The guide: the file name\'s YYYYYY "is the provider number ST_UPIN (L01)", so a record with another provider number does not belong to the file; usually a spreadsheet dropped leading zeros.',
    ),
    'The provider field differs from the UPIN in the file name',
    'Every record must belong to the provider named in the file name.',
    'Check for lost leading zeros (a spreadsheet turns 012345 into 12345) or a record of another provider.',
  ),
  rule(
    'AMD_EXCEL_EXPONENT',
    'error',
    guide(
      'The guide: saving in Excel results in "the corruption of very large values into exponential form (for example, 9.91E+12)"; the digits are lost, so the value cannot be the MIS\'s (no ILR field holds numbers in exponent form).',
    ),
    "A value is in Excel's exponent form",
    'Excel turns long numbers into forms like 9.91E+12, losing digits for good.',
    'Take the value again from the MIS and edit the file in a text editor such as Notepad, never Excel.',
  ),
  rule(
    'AMD_EXCEL_DATE',
    'warning',
    advice(
      'The guide warns that Excel corrupts values; a value shaped like 14/03/2011 or 2011-03-14 is likely a rewritten ddmmyyyy date, but could be meant.',
    ),
    'A value looks like a date rewritten by a spreadsheet',
    'ILR dates are written ddmmyyyy; a spreadsheet rewrites them as 14/03/2011 or 2011-03-14.',
    'Take the value again from the MIS and write it as eight digits.',
  ),
  rule(
    'AMD_QUOTED_VALUE',
    'error',
    processing(
      'The guide\'s data are plain "comma-separated fields" with no quoting, so a loader reads the quotes as part of the value (and a quoted comma splits it); no ILR value holds a double quote, so the value would not be the MIS\'s.',
    ),
    'A value contains a double quote',
    'The format has no quoting: HEFCE would read the quote characters as part of the value.',
    'Remove the quotes; a spreadsheet may have added them when saving.',
  ),
  rule(
    'AMD_CONTROL_CHARACTER',
    'error',
    processing(
      "Control characters are not text: they come from a damaged copy or binary export, and the value stored would not be the MIS's; no ILR value holds them.",
    ),
    'A value contains a control character',
    "Control characters such as NUL or TAB are not text: they usually mean a damaged copy or a binary export, and HEFCE's loader would store them as part of the value.",
    'Take the value again from the MIS and save the file as plain text.',
  ),
  rule(
    'AMD_VALUE_TOO_LONG',
    'warning',
    reconstructed(
      "Field lengths come from the year's ILR catalogue, reconstructed from public material (confidence marked per field), not from the guide.",
    ),
    "A value is longer than the field's length in the catalogue",
    "A value longer than the field allows is truncated or rejected by the ILR validation; the length comes from the year's catalogue, reconstructed from public material, so this is a warning.",
    'Check the value against the field length in the ILR specification.',
  ),
  rule(
    'AMD_NO_RECORDS',
    'warning',
    advice(
      'The guide does not forbid it, but a file with no records amends nothing, so it is likely an empty extract.',
    ),
    'The file has no records',
    'An amendment file with no records amends nothing.',
    'Check that the extract was not empty.',
  ),
  rule(
    'AMD_BLANK_LINE',
    'warning',
    advice(
      'The guide asks only for a blank line after the final record; an empty line between records may be read as an empty record.',
    ),
    'An empty line between records',
    'HEFCE may read an empty line as a record with every value blank.',
    'Remove the empty line.',
  ),
  rule(
    'AMD_NO_FINAL_BLANK_LINE',
    'warning',
    guide(
      'The guide: "A blank line should be placed after the final record": a should, so a warning.',
    ),
    'No line break after the final record',
    'The guide asks for a blank line after the final record so the last record is complete.',
    'End the file with a line break after the last record.',
  ),
  rule(
    'AMD_LINE_ENDINGS',
    'warning',
    guide(
      'The guide: "Each record must be separated by a carriage return"; it does not say whether CR LF, CR or LF, so other endings are read all the same with a warning, and the builder writes CR LF.',
    ),
    'Lines end with LF only or CR only, or a stray carriage return',
    'The guide asks for records separated by a carriage return, and amendment files are Windows text files, whose lines end with CR LF; other endings are read line by line all the same, but HEFCE may not read them so.',
    'Save the file with Windows (CRLF) line endings.',
  ),
  rule(
    'AMD_BOM',
    'warning',
    advice(
      'The guide says nothing about encodings; some loaders read a byte-order mark as part of line 1.',
    ),
    'The file starts with a UTF-8 byte-order mark',
    'Some loaders read the mark as part of line 1, so the reference no longer matches.',
    'Save the file without a byte-order mark (ANSI).',
  ),
  rule(
    'AMD_ADDITION_SET',
    'warning',
    guide(
      'The guide: "The sequential number NN must be the same for all three files" (both files for T=2); the files of a set are checked as one set only when given together, and an aim set with no HE aims rightly has no H file, so a warning.',
    ),
    'An addition set is incomplete or its files do not share one NN',
    'A T=3 set is an L, an A and an H file, a T=2 set an A and an H file (the H file only when some aims are HE); all files of one set share NN.',
    'Check that every file of the set is present and carries the same NN.',
  ),
  rule(
    'AMD_DELETE_CASCADE',
    'warning',
    advice(
      'Not in the guide: a deletion of a learner (or aim) takes its linked aims and HE data with it, so a second deletion of the same records likely finds nothing to delete.',
    ),
    'Records deleted from the learner data set are deleted from another data set too',
    "A deletion cascades: a learner deletion also removes the learner's learning aims and HE data, and a learning aim deletion its HE data, so one file suffices; HEFCE may find nothing left to delete in the second file.",
    'Keep the deletion in the learner (or learning aim) file alone, unless HEFCE asked for both.',
  ),
] as const;
