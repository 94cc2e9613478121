import type { Hints } from './types';

export const planHints: Hints = (error, channel) => {
  if (error.code === 'NOT_FOUND' && channel.startsWith('plans.'))
    return "'returndesk plan list' shows them.";
  return null;
};
