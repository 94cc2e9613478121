// Which api this window uses: the Electron preload's `window.api` when it exists, otherwise the
// browser-mode HTTP client, once the page has its session token (token.ts). Screens get it from
// ApiContext and never know which.
import type { WindowApi } from '../../shared/ipc/api';
import { openEventStream } from './event-stream';
import { createHttpApi } from './http-api';
import { SESSION_KEY, exchangeCode, takeCode } from './token';
import type { NoAccessReason } from './token';

export type { NoAccessReason } from './token';

declare global {
  interface Window {
    /** Provided by electron/preload.ts through contextBridge; absent in browser mode. */
    api?: WindowApi;
  }
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function store(token: string): void {
  try {
    window.sessionStorage.setItem(SESSION_KEY, token);
  } catch {
    // Storage turned off: the page works until it is reloaded.
  }
}

/** The api, or why this page cannot have one. */
export async function connect(): Promise<{ api: WindowApi } | { noAccess: NoAccessReason }> {
  if (window.api) return { api: window.api };
  let token = stored();
  const { code, search } = takeCode(window.location.search);
  if (code !== null) {
    const r = await exchangeCode((url, init) => window.fetch(url, init), code);
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    if ('refused' in r) return { noAccess: r.refused };
    token = r.token;
    store(token);
  }
  return {
    api: createHttpApi({
      fetch: (url, init) => window.fetch(url, init),
      token,
      openEvents: (url, headers, onData) =>
        openEventStream((u, init) => window.fetch(u, init), url, headers, onData),
    }),
  };
}
