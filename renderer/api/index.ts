// Which api this window uses: the Electron preload's `window.api` when it exists, otherwise the
// browser-mode HTTP client. Screens get it from ApiContext and never know which.
import type { WindowApi } from '../../shared/ipc/api';
import { createHttpApi } from './http-api';
import { takeToken } from './token';

declare global {
  interface Window {
    /** Provided by electron/preload.ts through contextBridge; absent in browser mode. */
    api?: WindowApi;
  }
}

let chosen: WindowApi | undefined;

export function windowApi(): WindowApi {
  if (chosen) return chosen;
  if (window.api) return (chosen = window.api);
  const { token, search } = takeToken(window.location.search);
  if (token !== null) {
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
  }
  chosen = createHttpApi({
    fetch: (url, init) => window.fetch(url, init),
    token,
    openEvents: (url, onData) => {
      // EventSource reconnects by itself after a dropped connection.
      const source = new EventSource(url);
      source.onmessage = (m: MessageEvent<string>) => onData(m.data);
      return () => source.close();
    },
  });
  return chosen;
}
