import type { Hints } from './types';

export const portalHints: Hints = () => null;
