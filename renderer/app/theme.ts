// Light or dark, following Windows' own setting as it changes, not only at start-up.
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useSystemTheme(): { theme: Theme; dark: boolean } {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK).matches);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}
