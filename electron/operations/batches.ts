// Batches: amendment files sent together, signed off before they go.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';

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
    'batches.add': ({ batchId, names }) => host.store().batches.add(batchId, names),
    'batches.remove': ({ batchId, name }) => host.store().batches.remove(batchId, name),
    'batches.signOff': ({ batchId, by }) => host.store().batches.signOff(batchId, by),
  };
}
