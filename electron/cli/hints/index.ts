// What to type next, added by the command line to an operation's message. Operations and the
// store word their messages for every door; only this door knows its own commands. Each domain's
// hints are in a file of their own beside this one.
import type { Channel } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import type { Hints } from './types';
import { settingsHints } from './settings';
import { planHints } from './plans';
import { fileHints } from './files';
import { batchHints } from './batches';
import { uploadHints } from './uploads';
import { portalHints } from './portal';
import { extractHints } from './extracts';
import { historyHints } from './history';

const ALL: readonly Hints[] = [
  settingsHints,
  planHints,
  fileHints,
  batchHints,
  uploadHints,
  portalHints,
  extractHints,
  historyHints,
];

/** The first hint any domain has for this error on this channel, if one does. */
export function hintFor(error: AppError, channel: Channel): string | null {
  for (const hints of ALL) {
    const hint = hints(error, channel);
    if (hint) return hint;
  }
  return null;
}
