// ILR field catalogues, kept as data with confidence marks: the official 2010/11 specification is
// not available, so the layouts are reconstructed and users may need to correct or extend them.
import type { DataSet } from '../amd/model';
import { isFieldCode } from '../domain';
import catalogue201011 from './catalogue-2010-11.json';

export type Confidence = 'official' | 'reconstructed' | 'uncertain';

export interface IlrField {
  code: string;
  name: string;
  /** Maximum length in characters; null where no source gives it. */
  length: number | null;
  confidence: Confidence;
  /**
   * Confirmed for this year by an official source (HEFCE's guide names it): only a finding about a
   * certain field may be an error. Everything else rests on the reconstruction and is a warning.
   */
  certain?: boolean;
}

export interface DataSetCatalogue {
  /** False where the source list is known to be cut short: unknown codes are then not flagged. */
  complete: boolean;
  confidence: Confidence;
  fields: IlrField[];
}

export interface IlrCatalogue {
  year: string;
  version: string;
  source: string;
  /** Which fields are marked certain, and why. */
  certainty?: string;
  dataSets: Record<DataSet, DataSetCatalogue>;
}

const CATALOGUES: Record<string, IlrCatalogue> = {
  '2010-11': catalogue201011 as IlrCatalogue,
};

export function catalogueYears(): string[] {
  return Object.keys(CATALOGUES);
}

export function catalogueFor(year: string): IlrCatalogue | undefined {
  return CATALOGUES[year];
}

export function dataSetOf(code: string): DataSet | undefined {
  return isFieldCode(code) ? (code[0] as DataSet) : undefined;
}

/** The keys HEFCE's guide recommends for matching records of each data set. */
export const RECOMMENDED_KEYS: Record<DataSet, readonly string[]> = {
  L: ['L01', 'L03', 'L42a', 'L42b'],
  A: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
  H: ['H01', 'H03', 'H05', 'H09'],
};

/** The field holding the provider's UPIN in each data set. */
export const PROVIDER_FIELD: Record<DataSet, string> = { L: 'L01', A: 'A01', H: 'H01' };

export function findField(cat: IlrCatalogue, code: string): IlrField | undefined {
  const ds = dataSetOf(code);
  return ds ? cat.dataSets[ds].fields.find((f) => f.code === code) : undefined;
}

/**
 * The catalogue's fields a code on line 12 stands for. The guide itself writes A11, A48 and L42
 * (Table A, the deletion example, the checksum advice) beside A11a/b, A48a/b and L42a/b, so a code
 * without its occurrence letter is read as the field with all its occurrences, not as unknown.
 */
export function fieldsMeantBy(cat: IlrCatalogue, code: string): IlrField[] {
  const exact = findField(cat, code);
  if (exact) return [exact];
  const ds = dataSetOf(code);
  if (!ds || !/^[LAH]\d\d$/.test(code)) return [];
  return cat.dataSets[ds].fields.filter(
    (f) => /^[LAH]\d\d[a-z]$/.test(f.code) && f.code.startsWith(code),
  );
}

/**
 * The year an addition file's field list is compared with when no year is given: Table A is the
 * header of "2010-11 (or earlier)" amendment files (later years are ILR XML), and 2010-11 is the
 * year catalogued. The finding says the year was assumed.
 */
export const DEFAULT_AMENDMENT_YEAR = '2010-11';

export function defaultCatalogue(): IlrCatalogue | undefined {
  return catalogueFor(DEFAULT_AMENDMENT_YEAR);
}

/** Says where the catalogue comes from and how sure it is, for the messages that rest on it. */
export function describeCatalogue(cat: IlrCatalogue, ds: DataSet): string {
  const set = cat.dataSets[ds];
  const how = set.confidence === 'official' ? 'from official lists' : set.confidence;
  return `the ${cat.year} ILR catalogue (${how}, not the year's specification${set.complete ? '' : '; known to be incomplete'})`;
}

/**
 * Identifying fields that can never be empty: provider, learner reference and sequence numbers.
 * L42a/b and A48a/b (provider-specified data) are recommended keys but may legitimately be blank.
 */
export const REQUIRED_KEY_VALUES: ReadonlySet<string> = new Set([
  'L01',
  'L03',
  'A01',
  'A03',
  'A05',
  'H01',
  'H03',
  'H05',
]);
