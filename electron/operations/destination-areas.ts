// A destination's areas: one account, several upload areas, each with its own group key.
import type { OperationTableOf } from './table';
import type { OperationHost } from './host';
import { destinationOf } from './destination-of';
import { forget, keep, view } from './destination-view';
import { groupKeyAccount } from './upload-secrets';

export function destinationAreaOperations(
  host: OperationHost,
): OperationTableOf<'destinations.addArea' | 'destinations.removeArea'> {
  return {
    'destinations.addArea': async ({ area, groupKey, ...ref }) => {
      const store = host.store();
      const { destination, area: added } = store.destinations.addArea(
        destinationOf(store, ref).name,
        area,
      );
      return {
        destination: await view(host, destination),
        groupKey: groupKey ? await keep(host, groupKeyAccount(destination, added), groupKey) : null,
      };
    },
    'destinations.removeArea': async ({ area, ...ref }) => {
      const store = host.store();
      const { destination, area: removed } = store.destinations.removeArea(
        destinationOf(store, ref).name,
        area,
      );
      await forget(host, groupKeyAccount(destination, removed));
      return { destination: await view(host, destination), removed: removed.name };
    },
  };
}
