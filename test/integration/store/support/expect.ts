import { expect } from 'vitest';
import { StoreError } from '../../../../electron/store';
import type { Store, StoreErrorCode } from '../../../../electron/store';

/** Runs `fn`, which must throw a StoreError with `code` and a message matching `says`. */
export function expectStoreError(fn: () => unknown, code: StoreErrorCode, says?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a StoreError').toBeInstanceOf(StoreError);
  expect((thrown as StoreError).code).toBe(code);
  if (says) expect((thrown as StoreError).message).toMatch(says);
}

/** The audit actions written since entry `after`, oldest first. */
export function actionsSince(store: Store, after: number): string[] {
  return store.audit
    .list(undefined, 1_000_000)
    .filter((e) => e.id > after)
    .map((e) => e.action)
    .reverse();
}

/** The id of the newest audit entry (0 when the trail is empty). */
export function lastAuditId(store: Store): number {
  return store.audit.list(undefined, 1)[0]?.id ?? 0;
}
