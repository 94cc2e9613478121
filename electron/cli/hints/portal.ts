import type { Hints } from './types';

/** The channels that name a data request by its id (`--request`). */
const BY_REQUEST = new Set(['portal.check', 'portal.upload', 'portal.nilReturn']);

export const portalHints: Hints = (error, channel) => {
  if (error.code === 'NOT_FOUND' && BY_REQUEST.has(channel))
    return "'returndesk portal requests' lists them.";
  // The one refusal of an upload that the user can overrule: errors against the file format.
  if (error.code === 'INVALID_STATE' && channel === 'portal.upload')
    return / errors? against the .* file format;/.test(error.message)
      ? 'Give --accept-errors to acknowledge them.'
      : null;
  return null;
};
