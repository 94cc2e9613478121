// The new-file wizard's drafts kept in the history: state and extract bytes survive the history
// being closed and opened again (a restart), a draft follows its row, and discarding removes the
// extract with it.
import { describe, expect, it } from 'vitest';
import { createOperations, dispatch } from '../../../electron/operations';
import { createNodeHost } from '../../../electron/web/node-host';
import type { Channel, Output } from '../../../shared/ipc/contract';
import { MemoryVault } from '../../support/memory-vault';
import { useHistories } from './support/folders';

const histories = useHistories('returndesk-drafts-');

/** One launch of the app on a data folder: its channels, and closing it. */
function launch(folder: string) {
  const host = createNodeHost(folder, { vault: new MemoryVault() });
  const operations = createOperations(host);
  const ok = async <C extends Channel>(channel: C, input?: unknown): Promise<Output<C>> => {
    const r = await dispatch(operations, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<C>;
  };
  return {
    ok,
    dispatch: (c: Channel, i: unknown) => dispatch(operations, c, i),
    close: () => host.close(),
  };
}

const EXTRACT = 'A01,A03,A05,A27\r\n105432,000012345678,01,01092010\r\n';
const STATE = JSON.stringify({ step: 3, description: 'Start dates corrected' });

describe('wizard drafts', () => {
  it('keep the state and the extract bytes across a restart', async () => {
    const folder = histories.folder();
    const first = launch(folder);
    await first.ok('files.saveDraftExtract', {
      key: '1:1',
      label: 'Plan 1, row 1',
      dataSet: 'A',
      fileName: 'aims.csv',
      base64: Buffer.from(EXTRACT).toString('base64'),
    });
    await first.ok('files.saveDraft', { key: '1:1', label: 'Plan 1, row 1', state: STATE });
    first.close();

    const second = launch(folder);
    try {
      const [summary] = await second.ok('files.drafts', {});
      expect(summary).toMatchObject({
        key: '1:1',
        label: 'Plan 1, row 1',
        extracts: [{ dataSet: 'A', fileName: 'aims.csv', bytes: EXTRACT.length }],
      });
      const draft = await second.ok('files.draft', { key: '1:1' });
      expect(draft.state).toBe(STATE);
      expect(Buffer.from(draft.extracts[0]?.base64 ?? '', 'base64').toString()).toBe(EXTRACT);
    } finally {
      second.close();
    }
  });

  it('follow the user to another row, extracts and all, and are gone once discarded', async () => {
    const app = launch(histories.folder());
    try {
      await app.ok('files.saveDraftExtract', {
        key: '1:1',
        label: 'row 1',
        dataSet: 'L',
        fileName: 'learners.csv',
        base64: Buffer.from('L01\r\n105432\r\n').toString('base64'),
      });
      await app.ok('files.saveDraft', { key: '1:2', label: 'row 2', state: STATE, from: '1:1' });
      const drafts = await app.ok('files.drafts', {});
      expect(drafts.map((d) => [d.key, d.extracts.length])).toEqual([['1:2', 1]]);
      expect(await app.ok('files.discardDraft', { key: '1:2' })).toEqual({ discarded: true });
      expect(await app.ok('files.drafts', {})).toEqual([]);
      const r = await app.dispatch('files.draft', { key: '1:2' });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      app.close();
    }
  });
});
