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
    // Failures (no network, no stored password) are left for the user's own "Check" to report.
    void dispatch(operations, 'uploads.refresh', undefined).finally(() => {
      busy = false;
    });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
