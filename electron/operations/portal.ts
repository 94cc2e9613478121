// Data portal returns: the schedule (synced, added or imported), file formats, the check of a CSV
// against its template's format, the upload (only after the user has seen the check, and with
// errors only if they said they know), and "No data to submit".
import type { OperationHost } from './host';
import { holdIfNoVault, sessionSecrets } from './session-secrets';
import { vaultAccount } from '../vault/keyring-vault';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';
import { StoreError } from '../store';
import { UploadError } from '../upload/extranet-client';
import { PortalService } from './portal-service';
import { importInWorker, ImportRefused } from '../files/import/run';
import { checkForTemplate, readSpecification } from './portal-check';
import { formatView, requestView, requestViews } from './portal-views';
import { receiptView } from './files';

type PortalChannel =
  | 'portal.requests'
  | 'portal.sync'
  | 'portal.addRequest'
  | 'portal.importRequests'
  | 'portal.formats'
  | 'portal.importFormat'
  | 'portal.check'
  | 'portal.upload'
  | 'portal.nilReturn';

export function portalOperations(host: OperationHost): OperationTableOf<PortalChannel> {
  const service = (password?: string, fallbackPassword?: string) =>
    new PortalService({
      store: host.store(),
      vault: host.vault,
      session: sessionSecrets(host),
      transportFor: (d) => host.transportFor(d),
      password,
      fallbackPassword,
      now: () => host.clock.now(),
      onProgress: (p) => host.emit('upload.progress', p),
    });
  const destinationId = (name: string) => host.store().destinations.get(name).id;
  return {
    'portal.requests': ({ today, destination } = {}) =>
      requestViews(
        host.store(),
        // Midday in England is that calendar day there whatever the season.
        today === undefined ? host.clock.now() : new Date(`${today}T12:00:00Z`),
        { destinationId: destination === undefined ? undefined : destinationId(destination) },
      ),
    'portal.sync': async ({ password, destination }) => {
      // A password typed for one portal is its password for this call; typed for them all, it
      // is for the portals with none stored, and the others keep their own.
      const outcome = destination
        ? await service(password).sync(destination)
        : await service(undefined, password).sync();
      // Typed where there is no vault: held for the session for the portals it opened.
      if (password !== undefined)
        for (const name of outcome.destinations.map((x) => x.name)) {
          const d = host.store().destinations.get(name);
          await holdIfNoVault(host, vaultAccount.password(d.id, d.username), password);
        }
      const [first, ...others] = outcome.needPassword;
      if (first !== undefined && password === undefined)
        throw new UploadError(
          'NO_PASSWORD',
          `No password is stored for the data portal '${first}'${others.length ? ` (nor for ${others.join(', ')})` : ''}.`,
        );
      return {
        added: outcome.destinations.reduce((n, d) => n + d.added, 0),
        updated: outcome.destinations.reduce((n, d) => n + d.updated, 0),
        destinations: outcome.destinations.map((d) => d.name),
        problems: outcome.problems,
      };
    },
    'portal.addRequest': ({ destination, ...i }) => {
      const store = host.store();
      const r = store.requests.add({
        ...i,
        destinationId: destination === undefined ? i.destinationId : destinationId(destination),
      });
      return requestView(store, host.clock.now(), r.id);
    },
    'portal.importRequests': async (file) => {
      const { fileName } = file;
      const store = host.store();
      let schedule;
      try {
        // Parsed in the import worker, as every untrusted file read whole.
        schedule = await importInWorker('request-schedule', sourceOf(file));
      } catch (e) {
        if (e instanceof ImportRefused) throw new StoreError('INVALID_INPUT', e.message);
        throw e;
      }
      if (!schedule.ok)
        throw new StoreError(
          'INVALID_INPUT',
          `${fileName} cannot be imported: ${schedule.problems.join(' ')}`,
        );
      const rows = schedule.rows.map((r) => ({
        ...r,
        destinationId: r.destination ? store.destinations.get(r.destination).id : null,
      }));
      const { added, skipped } = store.requests.addMany(rows);
      return { added: added.length, skipped };
    },
    'portal.formats': () => host.store().formats.list().map(formatView),
    'portal.importFormat': async ({ template, ...file }) => {
      const spec = await readSpecification(file);
      const f = host.store().formats.import({
        template,
        sourceName: file.fileName,
        specCsv: spec.text,
        columns: spec.format.columns.map((c) => c.name),
      });
      return formatView(f);
    },
    'portal.check': async ({ requestId, file }) => {
      const store = host.store();
      const r = store.requests.get(requestId);
      return checkForTemplate(store, r.template, sourceOf(file));
    },
    'portal.upload': async ({ requestId, file, acknowledgeErrors, password }) => {
      const store = host.store();
      const r = store.requests.get(requestId);
      const source = sourceOf(file);
      const check = await checkForTemplate(store, r.template, source);
      if (!check.valid && !acknowledgeErrors)
        throw new StoreError(
          'INVALID_STATE',
          `${file.fileName} has ${check.errors} error${check.errors === 1 ? '' : 's'} against the ${r.template} file format; correct the file, or acknowledge the errors to upload it anyway.`,
        );
      const upload = await service(password).upload(requestId, source);
      return {
        ...receiptView(upload),
        request: requestView(store, host.clock.now(), requestId),
      };
    },
    'portal.nilReturn': async ({ requestId, password }) => {
      const r = await service(password).nilReturn(requestId);
      return requestView(host.store(), host.clock.now(), r.id);
    },
  };
}
