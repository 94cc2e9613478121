// Browser mode's stand-in for the Electron preload: the same RendererApi, spoken over the local
// HTTP protocol of electron/web/server.ts. Each channel is its own method in an object literal
// checked with `satisfies`, so a channel added to the contract and missed here fails to compile,
// and screens never get a generic invoke(channel) to call arbitrary names with.
import type { Channel, Events, Input, Output } from '../../shared/ipc/contract';
import type { EventListener, RendererApi, WindowApi } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';

export const TOKEN_HEADER = 'x-returndesk-token';

/** The part of fetch this client uses, so tests can pass a fake. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    credentials: 'same-origin';
  },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface HttpApiOptions {
  fetch: FetchLike;
  /** The session token the page got for its one-time code (token.ts); null where something else
   *  adds it (the development server's proxy). */
  token: string | null;
  /** Where the app was served from; '' for the page's own origin. */
  base?: string;
  /** Opens a Server-Sent Events stream with these headers, calling onData with each message's
   *  data; returns close. */
  openEvents?: (
    url: string,
    headers: Record<string, string>,
    onData: (data: string) => void,
  ) => () => void;
}

const fail = (code: 'NETWORK' | 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const r = x as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in x;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string';
}

/** Turns whatever came back (or did not) into a Result: screens never see a thrown exception. */
export async function callChannel<C extends Channel>(
  o: HttpApiOptions,
  channel: C,
  input?: Input<C>,
): Promise<Result<Output<C>>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.token) headers[TOKEN_HEADER] = o.token;
  let status: number;
  let text: string;
  try {
    const res = await o.fetch(`${o.base ?? ''}/api/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input }),
      credentials: 'same-origin',
    });
    status = res.status;
    text = await res.text();
  } catch {
    return fail(
      'NETWORK',
      'ReturnDesk could not reach its own service on this computer. If you closed the ReturnDesk window or command, start it again; then try once more.',
    );
  }
  if (status === 403) {
    return fail(
      'FORBIDDEN',
      'This page no longer has access to ReturnDesk (its session ended, or ReturnDesk was started again). Open the newest address returndesk serve printed, or start it again.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isResult(parsed)) return parsed as Result<Output<C>>;
  return fail(
    'INTERNAL',
    `ReturnDesk's service gave an answer this page could not read (HTTP ${status}). Try again; if it keeps happening, restart ReturnDesk.`,
  );
}

type Listeners = Map<keyof Events, Set<(payload: never) => void>>;

/** One event stream for the page, opened when the first screen listens. */
export function createEvents(o: HttpApiOptions): WindowApi['events'] {
  const listeners: Listeners = new Map();
  let opened = false;
  const deliver = (data: string) => {
    let msg: { event?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(data) as typeof msg;
    } catch {
      return;
    }
    const set = listeners.get(msg.event as keyof Events);
    for (const l of set ?? []) {
      // One screen's faulty listener must not stop the others hearing the event.
      try {
        (l as (p: unknown) => void)(msg.payload);
      } catch (e) {
        console.error(e);
      }
    }
  };
  const open = () => {
    if (opened || !o.openEvents) return;
    opened = true;
    // Read with fetch (event-stream.ts), so the token goes in its header as with every call.
    o.openEvents(`${o.base ?? ''}/api/events`, o.token ? { [TOKEN_HEADER]: o.token } : {}, deliver);
  };
  return {
    on<E extends keyof Events>(event: E, listener: EventListener<E>) {
      open();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
}

export function createHttpApi(o: HttpApiOptions): WindowApi {
  const api = {
    'app.info': () => callChannel(o, 'app.info'),
    'providers.list': () => callChannel(o, 'providers.list'),
    'providers.add': (input) => callChannel(o, 'providers.add', input),
    'providers.update': (input) => callChannel(o, 'providers.update', input),
    'destinations.list': () => callChannel(o, 'destinations.list'),
    'destinations.add': (input) => callChannel(o, 'destinations.add', input),
    'destinations.update': (input) => callChannel(o, 'destinations.update', input),
    'destinations.remove': (input) => callChannel(o, 'destinations.remove', input),
    'destinations.setPassword': (input) => callChannel(o, 'destinations.setPassword', input),
    'destinations.forgetPassword': (input) => callChannel(o, 'destinations.forgetPassword', input),
    'destinations.test': (input) => callChannel(o, 'destinations.test', input),
    'backups.list': () => callChannel(o, 'backups.list'),
    'backups.create': () => callChannel(o, 'backups.create'),
    'backups.restore': (input) => callChannel(o, 'backups.restore', input),
    'backups.describe': (input) => callChannel(o, 'backups.describe', input),
    'audit.verify': () => callChannel(o, 'audit.verify'),
    'audit.list': (input) => callChannel(o, 'audit.list', input),
    'audit.keyState': () => callChannel(o, 'audit.keyState'),
    'audit.setPassphrase': (input) => callChannel(o, 'audit.setPassphrase', input),
    'receipts.get': (input) => callChannel(o, 'receipts.get', input),
    'dataOfficer.get': () => callChannel(o, 'dataOfficer.get'),
    'dataOfficer.set': (input) => callChannel(o, 'dataOfficer.set', input),
    'dashboard.get': () => callChannel(o, 'dashboard.get'),
    'uploads.refresh': (input) => callChannel(o, 'uploads.refresh', input),
    'destinations.setGroupKey': (input) => callChannel(o, 'destinations.setGroupKey', input),
    'destinations.addArea': (input) => callChannel(o, 'destinations.addArea', input),
    'destinations.removeArea': (input) => callChannel(o, 'destinations.removeArea', input),
    'plans.list': (input) => callChannel(o, 'plans.list', input),
    'plans.get': (input) => callChannel(o, 'plans.get', input),
    'plans.create': (input) => callChannel(o, 'plans.create', input),
    'plans.addRow': (input) => callChannel(o, 'plans.addRow', input),
    'plans.addRows': (input) => callChannel(o, 'plans.addRows', input),
    'plans.updateRow': (input) => callChannel(o, 'plans.updateRow', input),
    'plans.removeRow': (input) => callChannel(o, 'plans.removeRow', input),
    'plans.move': (input) => callChannel(o, 'plans.move', input),
    'plans.undo': (input) => callChannel(o, 'plans.undo', input),
    'plans.revise': (input) => callChannel(o, 'plans.revise', input),
    'plans.exportXlsx': (input) => callChannel(o, 'plans.exportXlsx', input),
    'plans.evidence': (input) => callChannel(o, 'plans.evidence', input),
    'plans.importXlsx': (input) => callChannel(o, 'plans.importXlsx', input),
    'mappings.get': (input) => callChannel(o, 'mappings.get', input),
    'mappings.save': (input) => callChannel(o, 'mappings.save', input),
    'files.list': (input) => callChannel(o, 'files.list', input),
    'files.get': (input) => callChannel(o, 'files.get', input),
    'files.content': (input) => callChannel(o, 'files.content', input),
    'files.discard': (input) => callChannel(o, 'files.discard', input),
    'files.finalise': (input) => callChannel(o, 'files.finalise', input),
    'files.preview': (input) => callChannel(o, 'files.preview', input),
    'uploads.check': (input) => callChannel(o, 'uploads.check', input),
    'files.drafts': (input) => callChannel(o, 'files.drafts', input),
    'files.draft': (input) => callChannel(o, 'files.draft', input),
    'files.saveDraft': (input) => callChannel(o, 'files.saveDraft', input),
    'files.saveDraftExtract': (input) => callChannel(o, 'files.saveDraftExtract', input),
    'files.discardDraft': (input) => callChannel(o, 'files.discardDraft', input),
    'files.build': (input) => callChannel(o, 'files.build', input),
    'files.mark': (input) => callChannel(o, 'files.mark', input),
    'files.check': (input) => callChannel(o, 'files.check', input),
    'files.compare': (input) => callChannel(o, 'files.compare', input),
    'batches.list': (input) => callChannel(o, 'batches.list', input),
    'batches.get': (input) => callChannel(o, 'batches.get', input),
    'batches.create': (input) => callChannel(o, 'batches.create', input),
    'batches.add': (input) => callChannel(o, 'batches.add', input),
    'batches.remove': (input) => callChannel(o, 'batches.remove', input),
    'batches.signOff': (input) => callChannel(o, 'batches.signOff', input),
    'uploads.list': (input) => callChannel(o, 'uploads.list', input),
    'uploads.start': (input) => callChannel(o, 'uploads.start', input),
    'uploads.stop': () => callChannel(o, 'uploads.stop'),
    'xmlFiles.list': (input) => callChannel(o, 'xmlFiles.list', input),
    'xmlFiles.get': (input) => callChannel(o, 'xmlFiles.get', input),
    'xmlFiles.check': (input) => callChannel(o, 'xmlFiles.check', input),
    'xmlFiles.add': (input) => callChannel(o, 'xmlFiles.add', input),
    'xmlFiles.mark': (input) => callChannel(o, 'xmlFiles.mark', input),
    'xmlFiles.withdraw': (input) => callChannel(o, 'xmlFiles.withdraw', input),
    'xmlFiles.amend': (input) => callChannel(o, 'xmlFiles.amend', input),
    'batches.check': (input) => callChannel(o, 'batches.check', input),
    'batches.override': (input) => callChannel(o, 'batches.override', input),
    'portal.requests': (input) => callChannel(o, 'portal.requests', input),
    'portal.sync': (input) => callChannel(o, 'portal.sync', input),
    'portal.addRequest': (input) => callChannel(o, 'portal.addRequest', input),
    'portal.importRequests': (input) => callChannel(o, 'portal.importRequests', input),
    'portal.formats': () => callChannel(o, 'portal.formats'),
    'portal.importFormat': (input) => callChannel(o, 'portal.importFormat', input),
    'portal.check': (input) => callChannel(o, 'portal.check', input),
    'portal.checkFile': (input) => callChannel(o, 'portal.checkFile', input),
    'portal.upload': (input) => callChannel(o, 'portal.upload', input),
    'portal.nilReturn': (input) => callChannel(o, 'portal.nilReturn', input),
    'batches.outcome': (input) => callChannel(o, 'batches.outcome', input),
    'batches.recordOutputs': (input) => callChannel(o, 'batches.recordOutputs', input),
    'batches.recordImpact': (input) => callChannel(o, 'batches.recordImpact', input),
  } satisfies RendererApi;
  return { ...api, events: createEvents(o) };
}
