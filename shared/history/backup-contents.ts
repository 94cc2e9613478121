// What a backup holds, in the words the app's confirmation and the command line both use.
import type { BackupContentsView } from '../ipc/views';

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-GB')} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * "1 provider, 2 action plans, 5 files, 0 uploads; newest audit entry WHEN", or that it holds no
 * data at all. WHEN is the newest entry's time as the door writes times.
 */
export function backupHolds(b: BackupContentsView, when: (instant: string) => string): string {
  if (b.empty)
    return "no data at all: no provider, plan, file, upload or audit entry, only the history's tables";
  const items = [
    count(b.providers, 'provider'),
    count(b.plans, 'action plan'),
    count(b.files, 'file'),
    count(b.uploads, 'upload'),
  ].join(', ');
  return `${items}; ${b.newestEntryAt ? `newest audit entry ${when(b.newestEntryAt)}` : 'no audit entry'}`;
}
