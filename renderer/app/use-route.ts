// The current route, from the address's hash, following Back/Forward and links.
import { useSyncExternalStore } from 'react';
import { parseRoute } from './routes';
import type { Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route & { hash: string } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return { ...parseRoute(hash), hash };
}

export function goTo(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
