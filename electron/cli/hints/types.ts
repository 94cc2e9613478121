import type { Channel } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';

/** A domain's hints: what to type next after this error on this channel, or null. */
export type Hints = (error: AppError, channel: Channel) => string | null;
