import type { Hints } from './types';

export const uploadHints: Hints = () => null;
