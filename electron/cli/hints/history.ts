// The history could not be opened (or was refused) where it is, and the store asks for another
// data folder: the command line chooses it with the global option --data-dir. Met when a command
// opens the history (session.ts) and when an operation reopens it (a restore).
import type { Hints } from './types';

const ANOTHER_FOLDER = /\b(choose|open) another data folder\b/i;

/** What to type after a store message asking for another data folder, else null. */
export function dataFolderHint(message: string): string | null {
  return ANOTHER_FOLDER.test(message) ? 'Give another data folder with --data-dir.' : null;
}

export const historyHints: Hints = (error) => dataFolderHint(error.message);
