// The person who sends files and signs off: the data officer's name, kept in Settings. Receipts
// name that person; without a name they fall back to the computer's account, labelled as such.
import type { Store } from '../store';

export const DATA_OFFICER_SETTING = 'dataOfficer.name';

export function dataOfficer(store: Store): string | null {
  const name = store.settings.get<unknown>(DATA_OFFICER_SETTING, null);
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}
