// Verification results arrive at the regulator's pace: while any upload is pending verification,
// main asks the server now and then, so every open screen hears 'verification.result' without the
// user pressing "Check".
import { dispatch } from './index';
import type { Operations } from './index';

export const POLL_EVERY_MS = 2 * 60 * 1000;

export function startVerificationPolling(
  operations: Operations,
  every = POLL_EVERY_MS,
): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const pending = operations.host.store().uploads.list({ status: 'pending-verification' }).length;
    if (pending === 0) return;
    busy = true;
    // Bounded: one check at a time, only while something is pending, and the server is asked
    // only for destinations with a password at hand (the vault's, or one given this session);
    // the others are left for the user's own "Check", which says it cannot check and asks.
    void dispatch(operations, 'uploads.refresh', undefined).finally(() => {
      busy = false;
    });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
