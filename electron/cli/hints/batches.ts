import type { Hints } from './types';

export const batchHints: Hints = () => null;
