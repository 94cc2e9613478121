// A file built from MIS extracts in the import worker, outside the history's transaction, for the
// NN the history would give: when another file takes that NN while it is being built, nothing is
// kept for the old NN and it is built again for the next one, whose name and header say so.
import { describe, expect, it } from 'vitest';
import { finaliseFromExtract } from '../../../electron/operations/file-build';
import { extractFileUntrusted } from '../../../electron/operations/untrusted-extracts';
import type { FileTarget } from '../../../electron/operations/file-parts';
import {
  CORRECTED_CSV,
  RETURNED_CSV,
  withoutRepeatedKeys,
  extractBytes,
} from '../../support/compare-pair';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { providerWithPlan } from './support/history';

const histories = useHistories('returndesk-extract-worker-');
const app = useApp(() => histories.folder());

describe('finalising a file built from extracts in the worker', () => {
  it('builds it again for the next NN when another file took its NN meanwhile', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const row = { planId: plan.id, ref: 1, kind: 'CHANGE' as const, dataSet: 'A' as const };
    const extracts = {
      returned: extractBytes('returned.csv', withoutRepeatedKeys(RETURNED_CSV)),
      corrected: extractBytes('corrected.csv', withoutRepeatedKeys(CORRECTED_CSV)),
    };
    const request = {
      ...extracts.corrected,
      ...row,
      returned: extracts.returned,
      checksumField: 'auto',
      createdOn: { year: 2011, month: 3, day: 14 },
      today: { year: 2011, month: 3, day: 14 },
    };
    const targets: FileTarget[] = [];
    const { stored, file } = await finaliseFromExtract(host.store, row, async (target) => {
      targets.push(target);
      const built = await extractFileUntrusted(host, request, target);
      // Another window finalises a file for the same row while this one is in the worker.
      if (targets.length === 1)
        await ok('files.finalise', {
          ...row,
          uniqueFields: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
          keys: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
          checksumField: 'auto',
          ...extracts,
        });
      return built;
    });
    expect(targets.map((t) => t.seq)).toEqual([1, 2]);
    expect(stored).toMatchObject({ name: 'chg012345A02.amd', seq: 2, records: 3 });
    expect(file.built.name).toBe('chg012345A02.amd');
    const { text } = await ok('files.get', { name: stored.name });
    expect(text.split('\r\n')[0]).toBe('chg012345A02');
    expect((await ok('files.list', {})).map((f) => f.name)).toEqual([
      'chg012345A01.amd',
      'chg012345A02.amd',
    ]);
  });
});
