// Data portal returns: the schedule (synced, added or imported), file formats, the check of a CSV
// against its template's format, the upload (only after the user has seen the check, and with
// errors only if they said they know), and "No data to submit".
import type { OperationHost } from './host';
import { bytesOf } from './source';
import type { OperationTableOf } from './table';
import { StoreError } from '../store';
import { UploadError } from '../upload/extranet-client';
import { PortalService } from '../upload/portal-service';
import { readFileFormat } from '../files/file-format';
import { readSchedule } from '../files/request-schedule';
import { decodeBytes } from '../files/text';
import { checkForTemplate } from './portal-check';
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
      transportFor: (d) => host.transportFor(d),
      password,
      fallbackPassword,
      now: () => host.clock.now(),
      onProgress: (p) => host.emit('upload.progress', p),
    });
  return {
    'portal.requests': () => requestViews(host.store(), host.clock.now()),
    'portal.sync': async ({ password }) => {
      // A password typed here is for the portals with none stored; the others keep their own.
      const outcome = await service(undefined, password).sync();
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
    'portal.addRequest': (i) => {
      const store = host.store();
      const r = store.requests.add(i);
      return requestView(store, host.clock.now(), r.id);
    },
    'portal.importRequests': async (file) => {
      const { fileName } = file;
      const store = host.store();
      const { text } = decodeBytes(await bytesOf(file));
      const schedule = readSchedule(text);
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
      const { fileName } = file;
      const { text } = decodeBytes(await bytesOf(file));
      const spec = readFileFormat(text);
      if (!spec.ok)
        throw new StoreError(
          'INVALID_INPUT',
          `${fileName} cannot be used as a file format: ${spec.problems.join(' ')}`,
        );
      const f = host.store().formats.import({
        template,
        sourceName: fileName,
        specCsv: text,
        columns: spec.format.columns.map((c) => c.name),
      });
      return formatView(f);
    },
    'portal.check': async ({ requestId, file }) => {
      const store = host.store();
      const r = store.requests.get(requestId);
      return checkForTemplate(store, r.template, file.fileName, await bytesOf(file));
    },
    'portal.upload': async ({ requestId, file, acknowledgeErrors, password }) => {
      const store = host.store();
      const r = store.requests.get(requestId);
      const bytes = await bytesOf(file);
      const check = await checkForTemplate(store, r.template, file.fileName, bytes);
      if (!check.valid && !acknowledgeErrors)
        throw new StoreError(
          'INVALID_STATE',
          `${file.fileName} has ${check.errors} error${check.errors === 1 ? '' : 's'} against the ${r.template} file format; correct the file, or confirm that you want to upload it anyway.`,
        );
      const upload = await service(password).upload(requestId, {
        fileName: file.fileName,
        bytes,
      });
      return receiptView(upload);
    },
    'portal.nilReturn': async ({ requestId, password }) => {
      const r = await service(password).nilReturn(requestId);
      return requestView(host.store(), host.clock.now(), r.id);
    },
  };
}
