// What to type next, added by the command line to an operation's message. Operations and the
// store word their messages for every door; only this door knows its own commands.
import type { Channel } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/ipc/result';

type Hint = (error: AppError, channel: Channel) => string | null;

/** Hints by error code, then by the channel's domain (the part before the dot). */
const HINTS: Partial<Record<AppError['code'], Record<string, string>>> = {
  NOT_FOUND: {},
};

export const hintFor: Hint = (error, channel) => {
  const domain = channel.slice(0, channel.indexOf('.'));
  return HINTS[error.code]?.[domain] ?? HINTS[error.code]?.[channel] ?? null;
};
