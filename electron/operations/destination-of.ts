// The destination an input names: by id from the app, by its name from the command line.
import type { Destination, Store } from '../store';

export function destinationOf(
  store: Store,
  ref: { destinationId?: number; destination?: string },
): Destination {
  return ref.destinationId !== undefined
    ? store.destinations.byId(ref.destinationId)
    : store.destinations.get(ref.destination ?? '');
}
