// Line 12: the fields of every record, in order. Each must be an ILR field code of the file's
// data set; with a year's catalogue, a known field, and an addition file must list them all.
import { DATA_SET_NAMES, HEADER_LINE as H } from './model';
import type { FindingList } from './findings';
import type { HeaderContext, HeaderInfo } from './header';
import { splitFieldList } from './header';
import { dataSetOf, findField } from '../ilr/catalogue';
import { isFieldCode } from '../domain';

export function checkFieldList(
  text: string,
  info: HeaderInfo,
  ctx: HeaderContext,
  out: FindingList,
): string[] {
  const fields = splitFieldList(text);
  if (fields.length === 0) {
    out.add('AMD_FIELD_LIST', 'Line 12 is empty: it must list the fields of the records.', {
      line: H.fieldList,
    });
    return fields;
  }
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (f === '') {
      out.add('AMD_FIELD_LIST', `Line 12 has an empty entry at position ${i + 1}.`, {
        line: H.fieldList,
      });
      return;
    }
    if (seen.has(f))
      out.add('AMD_FIELD_LIST', `Line 12 lists ${f} more than once.`, {
        line: H.fieldList,
        field: f,
      });
    seen.add(f);
    if (!isFieldCode(f)) {
      out.add('AMD_FIELD_NOT_ILR', `${f} on line 12 is not an ILR field code.`, {
        line: H.fieldList,
        field: f,
      });
      return;
    }
    const ds = dataSetOf(f);
    if (ds && info.dataSet && ds !== info.dataSet) {
      out.add(
        'AMD_FIELD_DATASET',
        `${f} belongs to the ${DATA_SET_NAMES[ds]} (${ds}) data set, but this file amends the ${DATA_SET_NAMES[info.dataSet]} (${info.dataSet}) data set.`,
        {
          line: H.fieldList,
          field: f,
        },
      );
    }
  });
  // A file whose name is unreadable still has a data set: the one its first field belongs to.
  info.dataSet ??= dataSetOf(fields.find(isFieldCode) ?? '');
  const cat = ctx.catalogue;
  const ds = info.dataSet;
  if (cat && ds) {
    const set = cat.dataSets[ds];
    for (const f of fields) {
      if (isFieldCode(f) && dataSetOf(f) === ds && set.complete && !findField(cat, f)) {
        out.add('AMD_FIELD_UNKNOWN', `${f} is not a ${cat.year} ILR field.`, {
          line: H.fieldList,
          field: f,
        });
      }
    }
    if (info.kind === 'ADD') {
      const missing = set.fields.map((x) => x.code).filter((c) => !seen.has(c));
      if (missing.length > 0) {
        out.add(
          'AMD_ADD_FIELDS_INCOMPLETE',
          `Line 12 lacks ${missing.length} field${missing.length === 1 ? '' : 's'} of the ${cat.year} data set: ${missing.join(', ')}.`,
          {
            line: H.fieldList,
          },
        );
      }
    }
  }
  return fields;
}
