// Batches: amendment files sent together, signed off before they go. An XML batch (2011-12 onwards)
// also takes files chosen from disk: each is copied in and checked, and all are added or none.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import { sourceOf } from './source';
import { xmlCheckOf } from './untrusted';
import { StoreError } from '../store';
import type { CheckedXmlFile } from '../store';
import { takeXmlSource } from '../store/xml-intake';
import { calendarDateIn } from '../../shared/dates';

export function batchOperations(
  host: OperationHost,
): OperationTableOf<
  | 'batches.list'
  | 'batches.get'
  | 'batches.create'
  | 'batches.add'
  | 'batches.remove'
  | 'batches.signOff'
> {
  return {
    'batches.list': ({ upin }) => host.store().batches.list({ upin }),
    'batches.get': ({ batchId }) => host.store().batches.get(batchId),
    'batches.create': (i) =>
      host.store().batches.create({
        upin: i.upin,
        year: i.year,
        planId: i.planId,
        destination: i.destination,
      }),
    'batches.add': async ({ batchId, names, files = [] }) => {
      const store = host.store();
      if (files.length === 0) return store.batches.add(batchId, names);
      // Refuse an unknown batch or one of .amd files before copying anything in.
      const batch = store.batches.get(batchId);
      if (!batch.xml)
        throw new StoreError(
          'INVALID_INPUT',
          `Batch ${batch.id} is for ${batch.year}, which is amended with .amd files, not XML files.`,
        );
      const today = calendarDateIn(host.clock.now());
      const checked: CheckedXmlFile[] = [];
      for (const f of files)
        checked.push(
          (await takeXmlSource(store, f.fileName, sourceOf(f), today, xmlCheckOf(host))).checked,
        );
      // One transaction: a file with errors (refused as it is kept) leaves the batch as it was.
      return store.batches.xml.addChecked(batchId, checked, names);
    },
    'batches.remove': ({ batchId, name }) => host.store().batches.remove(batchId, name),
    'batches.signOff': ({ batchId, by }) => host.store().batches.signOff(batchId, by),
  };
}
