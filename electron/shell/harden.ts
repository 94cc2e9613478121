// Applies security.ts's decisions to a session and to every web contents. Typed against Electron
// but taking its objects as parameters, so tests drive these functions with small fakes.
import type { Session, WebContents } from 'electron';
import {
  allowPermission,
  decideNavigation,
  isAllowedRequestUrl,
  withContentSecurityPolicy,
} from './security';

export type SessionToHarden = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'webRequest'
>;

/**
 * Electron grants every permission unless told otherwise, so both the request and the check
 * handler deny by default; the window's session may load only app:// (and in-memory) URLs, and
 * every response carries our CSP even if it did not come through the app protocol.
 */
export function hardenSession(ses: SessionToHarden): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermission(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export type ContentsToHarden = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * No new windows, no navigation away from the app, no <webview>. An https link the user follows
 * opens in the default browser through `openExternal` instead.
 */
export function hardenWebContents(
  contents: ContentsToHarden,
  openExternal: (url: string) => void,
): void {
  const follow = (url: string) => {
    const decision = decideNavigation(url);
    if (decision.openExternally) openExternal(decision.openExternally);
  };
  contents.setWindowOpenHandler(({ url }) => {
    follow(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    follow(event.url);
  });
  // Sub-frames too (the app has none): nothing is loaded into a frame behind the user's back.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
