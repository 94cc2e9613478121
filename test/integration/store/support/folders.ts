// Each test owns its temporary folders and the stores it opens in them: both are closed and
// removed after the test, so tests can run in parallel and never share a history.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Store } from '../../../../electron/store';
import type { StoreOptions } from '../../../../electron/store';
import type { Clock } from '../../../../shared/ports';

/** A clock that moves one second on every reading, so timestamps are distinct and predictable. */
export function steppingClock(start = '2011-03-14T09:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
}

export interface Histories {
  /** A fresh empty folder under the system's temp folder. */
  folder(): string;
  /** A Store on `folder` (a fresh one when omitted), closed after the test. */
  open(folder?: string, opts?: StoreOptions): Store;
}

/** Call once per test file. */
export function useHistories(prefix = 'returndesk-store-'): Histories {
  const folders: string[] = [];
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
    for (const d of folders.splice(0)) {
      // A test may have made its folder read-only; give it back before removing it.
      chmodSync(d, 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });
  const folder = () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    folders.push(d);
    return d;
  };
  return {
    folder,
    open(dir = folder(), opts = {}) {
      const s = new Store(dir, { clock: steppingClock(), user: 'jo.bloggs', ...opts });
      stores.push(s);
      return s;
    },
  };
}
