import type { Hints } from './types';

export const fileHints: Hints = () => null;
