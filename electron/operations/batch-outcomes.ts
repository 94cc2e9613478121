// Closing HEFCE's loop after a batch is accepted: outputs available, then the impact confirmed or
// not as expected (which revises the batch's action plan).
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';

export function batchOutcomeOperations(
  host: OperationHost,
): OperationTableOf<'batches.outcome' | 'batches.recordOutputs' | 'batches.recordImpact'> {
  return {
    'batches.outcome': ({ batchId }) => host.store().outcomes.get(batchId),
    'batches.recordOutputs': ({ batchId, date }) =>
      host.store().outcomes.recordOutputs(batchId, date),
    'batches.recordImpact': (i) =>
      i.outcome === 'confirmed'
        ? host.store().outcomes.confirm(i.batchId, i.by, i.date)
        : host.store().outcomes.notAsExpected(i.batchId, i.differed, i.date),
  };
}
