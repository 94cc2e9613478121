// The flags behind what the engine asks for when it builds a file from an extract or compares two.
// The engine says what to choose ("choose a checksum field yourself"); here it becomes the flag of
// `returndesk build` or `compare`. A refusal may list several problems, so each hint names its
// flag and what it gives, and all that apply follow the message.
import type { Channel } from '../../../shared/ipc/contract';
import type { Hints } from './types';

const FROM_EXTRACTS: ReadonlySet<Channel> = new Set(['files.build', 'files.compare']);

const ASKS: readonly (readonly [RegExp, string])[] = [
  [/or choose a checksum field yourself\.$/m, 'Name the checksum field with --checksum-field.'],
  [
    /or choose other unique fields\.$|needs unique fields \(line 5\)\.$/m,
    'Name the unique fields with --keys.',
  ],
  [
    /fields being corrected: choose them\.$|needs changed fields \(line 6\)\.$/m,
    'Name the fields being corrected with --changed.',
  ],
  [/or name the keys to match on\.$/m, 'Name them with --keys.'],
  [/or match on more fields\.$/m, 'Name the fields to match on with --keys.'],
];

export const extractHints: Hints = (error, channel) => {
  if (!FROM_EXTRACTS.has(channel)) return null;
  const hints = ASKS.filter(([asked]) => asked.test(error.message)).map(([, hint]) => hint);
  return hints.length ? hints.join(' ') : null;
};
