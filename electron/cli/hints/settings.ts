import type { Hints } from './types';

export const settingsHints: Hints = () => null;
