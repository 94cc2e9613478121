// The only bridge between the page and main: one purpose-built method per contract channel (the
// object `satisfies RendererApi`, so a channel added to or removed from shared/ipc fails to
// compile here), plus `events.on` for the contract's events. The page never gets ipcRenderer, a
// generic invoke, or the IPC event object. Runs sandboxed: only 'electron' may be required, and
// the bundle is checked for that (scripts/build-electron.mjs).
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Channel, Events, Input, Output } from '../shared/ipc/contract';
import type { RendererApi, RendererEvents, WindowApi } from '../shared/ipc/api';
import type { Result } from '../shared/ipc/result';
import { eventChannel, isEventName } from './shell/ipc-names';

function call<C extends Channel>(channel: C, input?: Input<C>): Promise<Result<Output<C>>> {
  // Exactly two arguments cross: the channel and the input; main checks both.
  return ipcRenderer.invoke(channel, input) as Promise<Result<Output<C>>>;
}

const api = {
  'app.info': () => call('app.info'),
  'providers.list': () => call('providers.list'),
  'providers.add': (input) => call('providers.add', input),
  'providers.update': (input) => call('providers.update', input),
  'destinations.list': () => call('destinations.list'),
  'destinations.add': (input) => call('destinations.add', input),
  'destinations.update': (input) => call('destinations.update', input),
  'destinations.remove': (input) => call('destinations.remove', input),
  'destinations.setPassword': (input) => call('destinations.setPassword', input),
  'destinations.forgetPassword': (input) => call('destinations.forgetPassword', input),
  'destinations.test': (input) => call('destinations.test', input),
  'backups.list': () => call('backups.list'),
  'backups.create': () => call('backups.create'),
  'backups.restore': (input) => call('backups.restore', input),
  'backups.describe': (input) => call('backups.describe', input),
  'audit.verify': () => call('audit.verify'),
  'audit.list': (input) => call('audit.list', input),
  'audit.keyState': () => call('audit.keyState'),
  'audit.setPassphrase': (input) => call('audit.setPassphrase', input),
  'receipts.get': (input) => call('receipts.get', input),
  'dataOfficer.get': () => call('dataOfficer.get'),
  'dataOfficer.set': (input) => call('dataOfficer.set', input),
  'dashboard.get': () => call('dashboard.get'),
  'uploads.refresh': (input) => call('uploads.refresh', input),
  'destinations.setGroupKey': (input) => call('destinations.setGroupKey', input),
  'destinations.addArea': (input) => call('destinations.addArea', input),
  'destinations.removeArea': (input) => call('destinations.removeArea', input),
  'plans.list': (input) => call('plans.list', input),
  'plans.get': (input) => call('plans.get', input),
  'plans.create': (input) => call('plans.create', input),
  'plans.addRow': (input) => call('plans.addRow', input),
  'plans.addRows': (input) => call('plans.addRows', input),
  'plans.updateRow': (input) => call('plans.updateRow', input),
  'plans.removeRow': (input) => call('plans.removeRow', input),
  'plans.move': (input) => call('plans.move', input),
  'plans.undo': (input) => call('plans.undo', input),
  'plans.revise': (input) => call('plans.revise', input),
  'plans.exportXlsx': (input) => call('plans.exportXlsx', input),
  'plans.evidence': (input) => call('plans.evidence', input),
  'plans.importXlsx': (input) => call('plans.importXlsx', input),
  'mappings.get': (input) => call('mappings.get', input),
  'mappings.save': (input) => call('mappings.save', input),
  'files.list': (input) => call('files.list', input),
  'files.get': (input) => call('files.get', input),
  'files.content': (input) => call('files.content', input),
  'files.discard': (input) => call('files.discard', input),
  'files.finalise': (input) => call('files.finalise', input),
  'files.preview': (input) => call('files.preview', input),
  'uploads.check': (input) => call('uploads.check', input),
  'files.drafts': (input) => call('files.drafts', input),
  'files.draft': (input) => call('files.draft', input),
  'files.saveDraft': (input) => call('files.saveDraft', input),
  'files.saveDraftExtract': (input) => call('files.saveDraftExtract', input),
  'files.discardDraft': (input) => call('files.discardDraft', input),
  'files.build': (input) => call('files.build', input),
  'files.mark': (input) => call('files.mark', input),
  'files.check': (input) => call('files.check', input),
  'files.compare': (input) => call('files.compare', input),
  'batches.list': (input) => call('batches.list', input),
  'batches.get': (input) => call('batches.get', input),
  'batches.create': (input) => call('batches.create', input),
  'batches.add': (input) => call('batches.add', input),
  'batches.remove': (input) => call('batches.remove', input),
  'batches.signOff': (input) => call('batches.signOff', input),
  'uploads.list': (input) => call('uploads.list', input),
  'uploads.start': (input) => call('uploads.start', input),
  'uploads.stop': () => call('uploads.stop'),
  'xmlFiles.list': (input) => call('xmlFiles.list', input),
  'xmlFiles.get': (input) => call('xmlFiles.get', input),
  'xmlFiles.check': (input) => call('xmlFiles.check', input),
  'xmlFiles.add': (input) => call('xmlFiles.add', input),
  'xmlFiles.mark': (input) => call('xmlFiles.mark', input),
  'xmlFiles.withdraw': (input) => call('xmlFiles.withdraw', input),
  'xmlFiles.amend': (input) => call('xmlFiles.amend', input),
  'batches.check': (input) => call('batches.check', input),
  'batches.override': (input) => call('batches.override', input),
  'portal.requests': (input) => call('portal.requests', input),
  'portal.sync': (input) => call('portal.sync', input),
  'portal.addRequest': (input) => call('portal.addRequest', input),
  'portal.importRequests': (input) => call('portal.importRequests', input),
  'portal.formats': () => call('portal.formats'),
  'portal.importFormat': (input) => call('portal.importFormat', input),
  'portal.check': (input) => call('portal.check', input),
  'portal.checkFile': (input) => call('portal.checkFile', input),
  'portal.upload': (input) => call('portal.upload', input),
  'portal.nilReturn': (input) => call('portal.nilReturn', input),
  'batches.outcome': (input) => call('batches.outcome', input),
  'batches.recordOutputs': (input) => call('batches.recordOutputs', input),
  'batches.recordImpact': (input) => call('batches.recordImpact', input),
} satisfies RendererApi;

const events: RendererEvents = {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!isEventName(event)) throw new Error(`There is no event called '${String(event)}'.`);
    const channel = eventChannel(event);
    // The IPC event (with its sender and ports) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: Events[E]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', { ...api, events } satisfies WindowApi);
