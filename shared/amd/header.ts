// Checks of header lines 1 to 12. The result tells the record checks which columns matter.
import type { AmendmentKind, CalendarDate, DataSet } from './model';
import { HEADER_LINE as H, compareDates, parseDdMmYyyy } from './model';
import type { AmendmentFileName } from './names';
import type { FindingList } from './findings';
import type { IlrCatalogue } from '../ilr/catalogue';
import { RECOMMENDED_KEYS } from '../ilr/catalogue';
import { checkFieldList } from './field-list';
import { FIELD_CODE_LINES, checkFieldCodeCase, readKindLine } from './header-forms';
import { canonicalFieldCode } from '../domain';

export interface HeaderInfo {
  kind?: AmendmentKind;
  dataSet?: DataSet;
  upin?: string;
  fields: string[];
  uniqueFields: string[];
  changedFields: string[];
  /** Set only when line 8 names a field of line 12. */
  checksumField?: string;
  declaredCount?: bigint;
  declaredChecksum?: bigint;
}

export interface HeaderContext {
  /** The file's base name, for line 1. */
  fileName: string;
  name?: AmendmentFileName;
  catalogue?: IlrCatalogue;
  today?: CalendarDate;
}

/**
 * Splits a header field list; the guide's own examples put spaces after the commas. Codes come
 * back in the ILR's own case (A48A is A48a: see header-forms.ts), so every comparison agrees.
 */
export function splitFieldList(line: string): string[] {
  return line.trim() === '' ? [] : line.split(',').map(canonicalFieldCode);
}

const REFERENCE_NUMBER = /\bref(?:erence)?\.?\s*(?:number|no\.?|#)?\s*:?\s*\d+/i;

export function checkHeader(
  lines: readonly string[],
  ctx: HeaderContext,
  out: FindingList,
): HeaderInfo {
  const at = (n: number): string | undefined => lines[n - 1];
  const info: HeaderInfo = { fields: [], uniqueFields: [], changedFields: [] };
  const { name } = ctx;
  info.upin = name?.provider;
  info.dataSet = name?.dataSet;

  const reference = at(H.reference);
  const expectedReference = ctx.fileName.replace(/\.amd$/i, '');
  if (reference !== undefined && reference.trim() !== expectedReference) {
    out.add(
      'AMD_REFERENCE',
      `Line 1 says '${reference.trim()}' but the file is named '${ctx.fileName}'.`,
      {
        line: H.reference,
        value: reference,
      },
    );
  }

  const dateText = at(H.date);
  if (dateText !== undefined) {
    const date = parseDdMmYyyy(dateText.trim());
    if (!date) {
      out.add('AMD_DATE', `Line 2 is '${dateText}', which is not a real date in ddmmyyyy form.`, {
        line: H.date,
        value: dateText,
      });
    } else if (ctx.today && compareDates(date, ctx.today) > 0) {
      out.add('AMD_DATE_FUTURE', `Line 2 is ${dateText}, a date after today.`, {
        line: H.date,
        value: dateText,
      });
    }
  }

  const description = at(H.description);
  if (description !== undefined) {
    if (description.trim() === '') {
      out.add('AMD_DESCRIPTION', 'Line 3 is empty.', { line: H.description });
    } else if (!REFERENCE_NUMBER.test(description)) {
      out.add(
        'AMD_DESCRIPTION_NO_REFERENCE',
        `Line 3 ('${description.trim()}') names no action plan reference number.`,
        {
          line: H.description,
          value: description,
        },
      );
    }
  }

  const kindText = at(H.kind);
  if (kindText !== undefined) {
    const read = readKindLine(kindText);
    const at4 = { line: H.kind, value: kindText };
    if (read.kind === undefined) {
      const what =
        read.named.length > 1
          ? `names ${read.named.join(' and ')}: only one kind can apply`
          : 'contains none of the words CHANGE, ADD and DELETE';
      out.add('AMD_KIND', `Line 4 is '${kindText}', which ${what}.`, at4);
    } else {
      if (!read.exact)
        out.add('AMD_KIND_WORDING', `Line 4 is '${kindText}', read as ${read.kind}.`, at4);
      if (name && name.kind !== read.kind)
        out.add('AMD_KIND', `Line 4 says ${read.kind} but the file name says ${name.kind}.`, at4);
      info.kind = read.kind;
    }
  }
  info.kind ??= name?.kind;
  for (const n of FIELD_CODE_LINES) checkFieldCodeCase(n, at(n), out);

  const listText = at(H.fieldList);
  if (listText !== undefined) info.fields = checkFieldList(listText, info, ctx, out);
  const inList = new Set(info.fields);
  const kind = info.kind;

  const uniqueText = at(H.uniqueFields);
  if (uniqueText !== undefined && kind) {
    info.uniqueFields = splitFieldList(uniqueText);
    if (kind === 'ADD') {
      if (uniqueText.trim() !== '') {
        out.add(
          'AMD_UNIQUE_FIELDS',
          `Line 5 is '${uniqueText}' but must be blank in an addition file.`,
          {
            line: H.uniqueFields,
            value: uniqueText,
          },
        );
      }
      info.uniqueFields = [];
    } else if (info.uniqueFields.length === 0) {
      out.add(
        'AMD_UNIQUE_FIELDS',
        'Line 5 is empty: it must list the fields that identify each record.',
        {
          line: H.uniqueFields,
        },
      );
    } else {
      notInList(
        'AMD_UNIQUE_FIELDS',
        H.uniqueFields,
        'Line 5',
        info.uniqueFields,
        inList,
        listText,
        out,
      );
      const ds = info.dataSet;
      // The guide's own examples key on A48 and L42: that covers A48a/b and L42a/b.
      const missing = ds
        ? RECOMMENDED_KEYS[ds].filter(
            (f) => !info.uniqueFields.includes(f) && !info.uniqueFields.includes(f.slice(0, 3)),
          )
        : [];
      if (ds && missing.length > 0) {
        out.add('AMD_RECOMMENDED_KEYS', `Line 5 does not include ${missing.join(', ')}.`, {
          line: H.uniqueFields,
          value: uniqueText,
        });
      }
    }
  }

  const changedText = at(H.changedFields);
  if (changedText !== undefined && kind) {
    info.changedFields = splitFieldList(changedText);
    if (kind !== 'CHANGE') {
      if (changedText.trim() !== '') {
        out.add(
          'AMD_CHANGED_FIELDS',
          `Line 6 is '${changedText}' but must be blank in ${kind === 'ADD' ? 'an addition' : 'a deletion'} file.`,
          {
            line: H.changedFields,
            value: changedText,
          },
        );
      }
      info.changedFields = [];
    } else if (info.changedFields.length === 0) {
      out.add(
        'AMD_CHANGED_FIELDS',
        'Line 6 is empty: a change file must list the fields it corrects.',
        {
          line: H.changedFields,
        },
      );
    } else {
      notInList(
        'AMD_CHANGED_FIELDS',
        H.changedFields,
        'Line 6',
        info.changedFields,
        inList,
        listText,
        out,
      );
      for (const f of info.changedFields.filter((c) => info.uniqueFields.includes(c))) {
        out.add(
          'AMD_CHANGED_IS_KEY',
          `${f} is on line 5 (unique fields) and on line 6 (changed fields).`,
          {
            line: H.changedFields,
            field: f,
          },
        );
      }
    }
  }

  const countText = at(H.recordCount);
  if (countText !== undefined) {
    if (/^\d+$/.test(countText.trim())) info.declaredCount = BigInt(countText.trim());
    else {
      out.add('AMD_RECORD_COUNT', `Line 7 is '${countText}', which is not a whole number.`, {
        line: H.recordCount,
        value: countText,
      });
    }
  }

  const checksumFieldText = at(H.checksumField);
  if (checksumFieldText !== undefined && listText !== undefined) {
    const f = canonicalFieldCode(checksumFieldText);
    if (f === '' || !inList.has(f)) {
      out.add(
        'AMD_CHECKSUM_FIELD',
        f === '' ? 'Line 8 is empty.' : `Line 8 names ${f}, which is not on line 12.`,
        {
          line: H.checksumField,
          value: checksumFieldText,
        },
      );
    } else info.checksumField = f;
  }

  const checksumText = at(H.checksumValue);
  if (checksumText !== undefined) {
    if (/^\d+$/.test(checksumText.trim())) info.declaredChecksum = BigInt(checksumText.trim());
    else {
      out.add('AMD_CHECKSUM_VALUE', `Line 9 is '${checksumText}', which is not a whole number.`, {
        line: H.checksumValue,
        value: checksumText,
      });
    }
  }

  // Only change files: the guide's deletion example carries A04 beside its keys and checksum.
  if (kind === 'CHANGE' && listText !== undefined) {
    const expected = new Set([
      ...info.uniqueFields,
      ...info.changedFields,
      info.checksumField ?? '',
    ]);
    for (const f of info.fields.filter((x) => x !== '' && !expected.has(x))) {
      out.add(
        'AMD_FIELD_EXTRA',
        `${f} is on line 12 but is not a unique field, a changed field or the checksum field.`,
        {
          line: H.fieldList,
          field: f,
        },
      );
    }
  }
  return info;
}

function notInList(
  code: 'AMD_UNIQUE_FIELDS' | 'AMD_CHANGED_FIELDS',
  line: number,
  label: string,
  names: string[],
  inList: Set<string>,
  listText: string | undefined,
  out: FindingList,
): void {
  if (listText === undefined) return;
  for (const f of names) {
    if (!inList.has(f)) {
      out.add(
        code,
        f === '' ? `${label} has an empty entry.` : `${label} names ${f}, which is not on line 12.`,
        {
          line,
          field: f === '' ? null : f,
        },
      );
    }
  }
}
