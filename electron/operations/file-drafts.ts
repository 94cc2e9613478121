// The new-file wizard's drafts: its state and its extracts kept in the history (the private data
// folder), never in the browser's storage, so a reload or a restart loses nothing.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import { bytesOf } from './source';

export function draftOperations(
  host: OperationHost,
): OperationTableOf<
  | 'files.drafts'
  | 'files.draft'
  | 'files.saveDraft'
  | 'files.saveDraftExtract'
  | 'files.discardDraft'
> {
  return {
    'files.drafts': () => host.store().drafts.list(),
    'files.draft': ({ key }) => {
      const d = host.store().drafts.get(key);
      return {
        key: d.key,
        label: d.label,
        savedAt: d.savedAt,
        state: d.state,
        extracts: d.extracts.map(({ content, ...x }) => ({
          ...x,
          base64: content.toString('base64'),
        })),
      };
    },
    'files.saveDraft': ({ key, label, state, from }) =>
      host.store().drafts.save(key, label, state, from),
    'files.saveDraftExtract': async (i) => {
      const bytes = await bytesOf(i);
      host.store().drafts.saveExtract(i.key, i.label, i.dataSet, i.fileName, bytes, i.role);
      return { savedAt: host.clock.now().toISOString() };
    },
    'files.discardDraft': ({ key }) => ({ discarded: host.store().drafts.discard(key) }),
  };
}
