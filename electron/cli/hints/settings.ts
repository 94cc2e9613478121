import type { Hints } from './types';

// Any command naming a provider (plan create, batch create, build...) can meet one not yet added;
// the store's message names the UPIN, which the command to add it needs.
const NO_PROVIDER = /^There is no provider with UPIN (\d{6})\b/;
const NO_UKPRN = /^Provider (\d{6}) has no UKPRN in the history\b/;

export const settingsHints: Hints = (error, channel) => {
  if (
    error.code === 'NOT_FOUND' &&
    (channel === 'backups.describe' || channel === 'backups.restore')
  )
    return "'returndesk backups' lists them.";
  const upin = error.code === 'NOT_FOUND' ? NO_PROVIDER.exec(error.message)?.[1] : undefined;
  if (upin) return `Add it with 'returndesk provider add --upin ${upin} --name NAME'.`;
  const unset = NO_UKPRN.exec(error.message)?.[1];
  if (unset) return `'returndesk provider update --upin ${unset} --ukprn UKPRN' sets it.`;
  return null;
};
