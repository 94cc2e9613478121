// Line 12: the fields of every record, in order. Each must be an ILR field code of the file's
// data set; with a year's catalogue, a known field (the guide's own A11, A48, L42 included). An
// addition file must list them all: checked against the year's catalogue, or 2010-11 without one.
import { DATA_SET_NAMES, HEADER_LINE as H } from './model';
import type { FindingList } from './findings';
import type { HeaderContext, HeaderInfo } from './header';
import { splitFieldList } from './header';
import type { DataSet } from './model';
import type { IlrCatalogue } from '../ilr/catalogue';
import { dataSetOf, defaultCatalogue, describeCatalogue, fieldsMeantBy } from '../ilr/catalogue';
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
  const ds = info.dataSet;
  const cat = ctx.catalogue;
  if (cat && ds && cat.dataSets[ds].complete) {
    for (const f of fields) {
      if (isFieldCode(f) && dataSetOf(f) === ds && fieldsMeantBy(cat, f).length === 0) {
        out.add(
          'AMD_FIELD_UNKNOWN',
          `${f} is not a ${cat.year} ILR field, according to ${describeCatalogue(cat, ds)}.`,
          { line: H.fieldList, field: f },
        );
      }
    }
  }
  // The guide's "all ILR fields for that data set" is checked with or without --year.
  const listCat = cat ?? defaultCatalogue();
  if (listCat && ds && info.kind === 'ADD') checkAllFields(fields, ds, listCat, !cat, out);
  return fields;
}

/**
 * An addition file must list every field of its data set. Which fields those are rests on the
 * catalogue: a missing field marked certain is an error, any other a warning naming the fields.
 */
function checkAllFields(
  fields: string[],
  ds: DataSet,
  cat: IlrCatalogue,
  assumed: boolean,
  out: FindingList,
): void {
  const listed = new Set(fields.flatMap((f) => fieldsMeantBy(cat, f).map((x) => x.code)));
  const missing = cat.dataSets[ds].fields.filter((f) => !listed.has(f.code));
  const source = `${describeCatalogue(cat, ds)}${assumed ? ', assumed because no year was given' : ''}`;
  const certain = missing.filter((f) => f.certain).map((f) => f.code);
  const others = missing.filter((f) => !f.certain).map((f) => f.code);
  if (certain.length > 0) {
    out.add(
      'AMD_ADD_FIELDS_MISSING',
      `Line 12 lacks ${plural(certain.length)} of the ${cat.year} data set that HEFCE's guide itself names: ${certain.join(', ')}.`,
      { line: H.fieldList },
    );
  }
  if (others.length > 0) {
    out.add(
      'AMD_ADD_FIELDS_INCOMPLETE',
      `Line 12 lacks ${plural(others.length)} of the ${cat.year} data set: ${others.join(', ')}. The list comes from ${source}.`,
      { line: H.fieldList },
    );
  }
}

function plural(n: number): string {
  return `${n} field${n === 1 ? '' : 's'}`;
}
