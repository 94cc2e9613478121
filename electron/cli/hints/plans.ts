import type { Hints } from './types';

export const planHints: Hints = (error, channel) => {
  // The plan is there but not the step, or the step kept no evidence: plan show lists its steps.
  if (
    error.code === 'NOT_FOUND' &&
    channel === 'plans.evidence' &&
    !error.message.startsWith('There is no action plan')
  )
    return "'returndesk plan show --plan ID' lists its steps and the evidence kept with them.";
  if (error.code === 'NOT_FOUND' && channel.startsWith('plans.'))
    return "'returndesk plan list' shows them.";
  return null;
};
