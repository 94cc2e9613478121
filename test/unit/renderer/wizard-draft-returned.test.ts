// Continuing a draft compared with the data as returned: the two kept extracts are compared again
// on the keys and column mapping saved with the draft, and the records step comes back as it was
// (the comparison shown, its records chosen); a draft without the data as returned, or whose
// comparison fails now, comes back uncompared with every record chosen, never with records chosen
// by a comparison it cannot show.
import { describe, expect, it } from 'vitest';
import { comparedView } from '../../../electron/operations/compare-pair';
import type { Input } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import { comparedPart } from '../../../renderer/screens/files/wizard/comparison-view';
import { keptExtractsText } from '../../../renderer/screens/files/wizard/draft-codec';
import { decodeDraft, encodeDraft } from '../../../renderer/screens/files/wizard/draft-codec';
import { restorePart } from '../../../renderer/screens/files/wizard/restore-draft';
import type { KeptExtract } from '../../../renderer/screens/files/wizard/restore-draft';
import {
  EMPTY_PART,
  START,
  wizardReducer,
} from '../../../renderer/screens/files/wizard/wizard-state';
import type { PartState, WizardState } from '../../../renderer/screens/files/wizard/wizard-state';
import type { ExtractWorkers } from '../../../renderer/screens/files/workers/registry';
import { CORRECTED_CSV, RETURNED_CSV } from '../../support/compare-pair';
import { compareTables } from '../compare/support';

/** The pair without learners 5 and 8, whose keys are on more than one record. */
const unique = (csv: string) =>
  csv
    .split('\r\n')
    .filter((l) => !/00000000000[58],/.test(l))
    .join('\r\n');
const RETURNED = unique(RETURNED_CSV);
const CORRECTED = unique(CORRECTED_CSV);
const HEADER = CORRECTED.split('\r\n')[0]?.split(',') ?? [];
const CODES = HEADER.map((h) => (h === 'MIS_NAME' ? '' : h));
const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (s: string) => Buffer.from(s, 'base64').toString();

const kept = (role: KeptExtract['role'], fileName: string, csv: string): KeptExtract => ({
  dataSet: 'A',
  role,
  fileName,
  bytes: csv.length,
  base64: b64(csv),
});

/** The wizard's workers, each extract "loaded" by counting its lines; the files kept are seen. */
function fakeWorkers() {
  const files = new Map<string, File>();
  const workers = {
    start: () => ({
      rpc: {
        call: async (_: 'load', { file }: { file: File }) => {
          const lines = (await file.text()).split('\r\n').filter((l) => l !== '');
          return {
            header: lines[0]?.split(',') ?? [],
            rows: lines.length - 1,
            encoding: 'UTF-8',
            delimiter: ',',
            unevenRows: [],
            unevenCount: 0,
            sample: [],
          };
        },
      },
    }),
    keepFile: (d: string, role: string, file: File | null) => {
      if (file) files.set(`${d}:${role}`, file);
      else files.delete(`${d}:${role}`);
    },
  } as unknown as ExtractWorkers;
  return { workers, files };
}

/** files.compare as main answers it, over the bytes and keys it is given; the inputs are seen. */
function fakeApi(answer: 'compare' | 'refuse' = 'compare') {
  const asked: Input<'files.compare'>[] = [];
  const api = {
    'files.compare': async (i: Input<'files.compare'>) => {
      asked.push(i);
      if (answer === 'refuse') return fail('INVALID_INPUT', 'There is no field A99.');
      const c = await compareTables(
        'A',
        text(i.returned.base64 ?? ''),
        text(i.corrected.base64 ?? ''),
        i.keys,
      );
      return ok(comparedView(c));
    },
  } as unknown as Parameters<typeof restorePart>[0];
  return { api, asked };
}

const ROW = {
  planId: 1,
  ref: 1,
  upin: '012345',
  year: '2010-11',
  kind: 'CHANGE' as const,
  description: 'Start dates',
  fields: 'A27',
  records: 3,
};

/** The part as the user left it, compared, and as the draft kept it (saved and read back). */
async function savedComparedPart(): Promise<PartState> {
  let s: WizardState = wizardReducer(START, { type: 'row', row: ROW, dataSet: 'A' });
  s = wizardReducer(s, {
    type: 'loaded',
    dataSet: 'A',
    extract: {
      header: HEADER,
      rows: 5,
      encoding: 'UTF-8',
      delimiter: ',',
      unevenRows: [],
      unevenCount: 0,
      sample: [],
      fileName: 'corrected.csv',
      bytes: CORRECTED.length,
    },
    codes: CODES,
  });
  const c = comparedView(await compareTables('A', RETURNED, CORRECTED));
  const file = { name: 'returned.csv', size: RETURNED.length };
  s = wizardReducer(s, { type: 'compared', dataSet: 'A', ...comparedPart('CHANGE', 5, file, c) });
  // The user narrows the fields being changed after comparing.
  s = wizardReducer(s, { type: 'changed', dataSet: 'A', changed: ['A27'] });
  const back = decodeDraft(encodeDraft(s));
  if (!back) throw new Error('the draft was not read back');
  return back.parts.A;
}

describe('a draft compared with the data as returned, continued', () => {
  it('is compared again on its keys and mapping, the comparison and its records as they were', async () => {
    const part = await savedComparedPart();
    const { api, asked } = fakeApi();
    const { workers, files } = fakeWorkers();
    const extracts = [
      kept('corrected', 'corrected.csv', CORRECTED),
      kept('returned', 'returned.csv', RETURNED),
    ];
    const { part: back, lost } = await restorePart(api, workers, 'A', part, extracts, 'CHANGE');

    expect(lost).toBeUndefined();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      dataSet: 'A',
      returned: { fileName: 'returned.csv', base64: b64(RETURNED) },
      corrected: { fileName: 'corrected.csv', base64: b64(CORRECTED) },
      keys: part.returned?.keys,
      columns: { A01: 'A01', A27: 'A27', MIS_NAME: '' },
    });
    expect(back.returned).toEqual(part.returned);
    // Corrected records: 1 Ann, 2 Bob, 3 Cat, 6 Fay (changed), 7 Gus (added).
    expect(Array.from(back.selection?.bits ?? [])).toEqual([0, 1, 1, 1, 0]);
    expect(back.selection).toEqual(part.selection);
    expect(back.changed).toEqual(['A27']);
    expect(back.extract?.fileName).toBe('corrected.csv');
    // Finalising sends both extracts again: the workers hold them.
    expect(await files.get('A:returned')?.text()).toBe(RETURNED);
    expect(await files.get('A:corrected')?.text()).toBe(CORRECTED);
  });

  it('comes back uncompared, every record chosen, saying so, from a draft that did not keep the data as returned', async () => {
    const part = await savedComparedPart();
    const { api, asked } = fakeApi();
    const { workers, files } = fakeWorkers();
    const { part: back, lost } = await restorePart(
      api,
      workers,
      'A',
      part,
      [kept('corrected', 'corrected.csv', CORRECTED)],
      'CHANGE',
    );
    expect(lost).toBe(
      'The draft did not keep the data as returned for the A file, so its comparison is not shown and every record is chosen: compare again before finalising.',
    );
    expect(asked).toEqual([]);
    expect(back.returned).toBeNull();
    expect(back.selection?.count).toBe(5);
    expect(files.has('A:returned')).toBe(false);
  });

  it('comes back uncompared, saying why, when the comparison is refused now', async () => {
    const part = await savedComparedPart();
    const { api } = fakeApi('refuse');
    const { workers, files } = fakeWorkers();
    const extracts = [
      kept('corrected', 'corrected.csv', CORRECTED),
      kept('returned', 'returned.csv', RETURNED),
    ];
    const { part: back, lost } = await restorePart(api, workers, 'A', part, extracts, 'CHANGE');
    expect(lost).toBe(
      'returned.csv and corrected.csv could not be compared again (There is no field A99.), so every record of the A file is chosen: compare again before finalising.',
    );
    expect(back.returned).toBeNull();
    expect(back.selection?.count).toBe(5);
    expect(files.has('A:returned')).toBe(false);
  });

  it('asks for the extract again when it was not kept, keeping the checksum chosen', async () => {
    const part = { ...(await savedComparedPart()), checksum: 'A05' };
    const { api } = fakeApi();
    const back = await restorePart(api, fakeWorkers().workers, 'A', part, [], 'CHANGE');
    expect(back).toEqual({ part: { ...EMPTY_PART, checksum: 'A05' } });
  });
});

describe('the kept extracts, as the draft offer names them', () => {
  it('names the corrected extract, then the data as returned', () => {
    expect(keptExtractsText([])).toBe('');
    expect(keptExtractsText([kept('corrected', 'aims.csv', 'x')])).toBe('extract aims.csv');
    expect(
      keptExtractsText([
        kept('corrected', 'aims.csv', 'x'),
        kept('returned', 'returned.csv', 'y'),
        { ...kept('corrected', 'learners.csv', 'z'), dataSet: 'L' },
      ]),
    ).toBe('extract aims.csv, learners.csv; data as returned returned.csv');
  });
});
