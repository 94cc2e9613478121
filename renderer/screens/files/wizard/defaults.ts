// What the wizard suggests before the user chooses: the plan row's fields as the changed fields,
// HEFCE's recommended keys, and which data sets an addition of type T makes.
import type { AdditionType, AmendmentKind, DataSet } from '../../../../shared/amd';
import { ADDITION_SCOPE, DATA_SETS, canonicalFieldCode } from '../../../../shared/amd';
import { RECOMMENDED_KEYS } from '../../../../shared/ilr/catalogue';
import { isFieldCode } from '../../../../shared/domain';

/** "A27, A28" → ['A27', 'A28']; "All fields" → []. */
export function rowFieldCodes(fields: string): string[] {
  return fields
    .split(/[\s,;]+/)
    .map(canonicalFieldCode)
    .filter(isFieldCode);
}

/** The data set a plan row's fields belong to, when they name one. */
export function rowDataSet(fields: string): DataSet | undefined {
  const sets = new Set(rowFieldCodes(fields).map((f) => f[0] as DataSet));
  return sets.size === 1 ? [...sets][0] : undefined;
}

/**
 * The files a choice makes: one for a change or deletion, the whole set for an addition. A T=3 or
 * T=2 set leaves out its HE file when none of its learning aims is an HE aim (the guide's example
 * 2 has an HE record only for the aims that are HE); a T=1 set is its HE file.
 */
export function dataSetsFor(
  kind: AmendmentKind | null,
  dataSet: DataSet,
  additionType: AdditionType,
  withHe = true,
): DataSet[] {
  if (kind !== 'ADD') return [dataSet];
  const leaveOutHe = !withHe && additionType !== 1;
  return DATA_SETS.filter(
    (d) => ADDITION_SCOPE[additionType].includes(d) && !(leaveOutHe && d === 'H'),
  );
}

export function defaultKeys(codes: readonly string[], dataSet: DataSet): string[] {
  return RECOMMENDED_KEYS[dataSet].filter((k) => codes.includes(k));
}

export function missingRecommendedKeys(codes: readonly string[], dataSet: DataSet): string[] {
  return RECOMMENDED_KEYS[dataSet].filter((k) => !codes.includes(k));
}

export function defaultChanged(
  rowFields: string,
  codes: readonly string[],
  dataSet: DataSet,
): string[] {
  return rowFieldCodes(rowFields).filter((f) => f.startsWith(dataSet) && codes.includes(f));
}

/** The columns of the data set, in extract order, once each. */
export function dataSetCodes(codes: readonly string[], dataSet: DataSet): string[] {
  return [...new Set(codes.filter((c) => c !== '' && c.startsWith(dataSet)))];
}
