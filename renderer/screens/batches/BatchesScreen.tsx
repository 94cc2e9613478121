// Routes #/batches to the list and #/batches/ID to one batch, keyed so each loads afresh.
import { BatchPage } from './BatchPage';
import { BatchesListScreen } from './BatchesListScreen';

export function BatchesScreen({ params }: { params: string[] }) {
  const id = Number(params[0]);
  if (params[0] !== undefined && Number.isInteger(id) && id > 0)
    return <BatchPage key={id} batchId={id} />;
  return <BatchesListScreen />;
}
