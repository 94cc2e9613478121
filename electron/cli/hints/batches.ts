// The commands for batches and the ILR XML files in them. The store words these refusals for every
// door ("add them back, withdraw a file, or override"); here they become what to type. The batch or
// file they concern is read from the message, the only thing a refusal carries besides its code.
import type { Hints } from './types';

const NO_BATCH = /^There is no batch \d+\.$/;
const LEAVES_OUT = /^Batch (\d+) leaves out \d+ earlier submitted files?:/;
const HAS_ERRORS = /^(\S+) has \d+ errors?, so it cannot be kept or sent:/;

export const batchHints: Hints = (error) => {
  if (error.code === 'NOT_FOUND' && NO_BATCH.test(error.message))
    return "'returndesk batch list' shows them.";
  const left = error.code === 'INVALID_STATE' ? LEAVES_OUT.exec(error.message) : null;
  if (left)
    return `To add a file back: 'returndesk batch add --batch ${left[1]} NAME...'; to withdraw one: 'returndesk files withdraw NAME --reason TEXT'; to send the batch without them: 'returndesk batch override --batch ${left[1]} --reason TEXT'.`;
  const bad = error.code === 'INVALID_INPUT' ? HAS_ERRORS.exec(error.message) : null;
  if (bad) return `'returndesk validate ${bad[1]}' shows the full report.`;
  return null;
};
