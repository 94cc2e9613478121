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
