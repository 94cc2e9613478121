// Every security decision the Electron shell makes, as plain data and pure functions, so each one
// is unit-tested under Node (there is no Electron runtime on the build machines). harden.ts and
// main.ts only apply them.
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The same policy browser mode sends: nothing but our own scripts, no eval, no framing. */
export { CONTENT_SECURITY_POLICY };

/**
 * The window's renderer is a web page with no Node: it reaches main only through the preload's
 * purpose-built methods. Devtools are for development builds only.
 */
export function windowWebPreferences(preload: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools,
  };
}

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The part of an IPC event the sender check reads; `senderFrame` is null once a frame is gone. */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * A call is answered only from our own page: a live frame, the top frame (the app has no
 * iframes), at the app origin. Anything else — a navigated-away or destroyed frame — is refused.
 */
export function isTrustedSender(event: IpcSender): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url);
}

/**
 * Permissions the page may have: only desktop notifications (verification results, plan dates a
 * week and a day away), and only for our own page. No camera, location, clipboard or anything else.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>(['notifications']);

export function allowPermission(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * What the window's session may load: our own files and the in-memory URLs the page makes
 * (data: images, blob: workers for papaparse), plus devtools in development. Never the network —
 * uploads go through main on a separate session.
 */
export function isAllowedRequestUrl(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:') return true;
  return isAppUrl(url);
}

/**
 * An https link the user clicked may open in the default browser (e.g. a portal's address);
 * nothing else leaves the app — no file:, no custom handlers, no credentials in URLs.
 */
export function externalLinkTarget(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

export interface NavigationDecision {
  allow: false;
  openExternally?: string;
}

/** The window never navigates away from the app; an https link goes to the browser instead. */
export function decideNavigation(url: string): NavigationDecision {
  const target = externalLinkTarget(url);
  return target ? { allow: false, openExternally: target } : { allow: false };
}

/** Response headers with our CSP, replacing whatever policy a response carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
