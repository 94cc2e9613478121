// The handler table and the one place every call from a renderer goes through: the channel must
// exist, the input must parse with its schema, and any failure comes back as data.
import { inputs } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { HandlerHost } from './host';
import type { HandlerTable } from './table';
import { toAppError } from './errors';
import { settingsHandlers } from './settings';
import { historyHandlers } from './history';
import { buildDashboard } from './dashboard';
import { UploadService } from '../upload/upload-service';
import { planHandlers } from './journey-plans';
import { fileHandlers } from './journey-files';
import { batchHandlers } from './journey-batches';
import { xmlHandlers } from './journey-xml';
import { portalHandlers } from './portal';

export type { HandlerHost } from './host';
export type { HandlerTable } from './table';

export function createHandlers(host: HandlerHost): HandlerTable {
  return {
    ...settingsHandlers(host),
    ...historyHandlers(host),
    ...planHandlers(host),
    ...fileHandlers(host),
    ...batchHandlers(host),
    ...xmlHandlers(host),
    ...portalHandlers(host),
    'dashboard.get': () => buildDashboard(host.store(), host.clock.now()),
    'uploads.refresh': async () => {
      const store = host.store();
      const service = new UploadService({
        store,
        vault: host.vault,
        transportFor: (d) => host.transportFor(d),
      });
      const changed = await service.refreshStatuses();
      for (const u of changed) {
        if (u.status === 'accepted' || u.status === 'failed') {
          host.emit('verification.result', {
            fileName: u.fileName,
            status: u.status,
            messages: u.messages.map((m) => m.message),
          });
        }
      }
      if (changed.length) host.emit('history.changed', { tables: ['uploads', 'files', 'batches'] });
      return { changed: changed.length };
    },
  };
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(inputs, name);
}

export async function dispatch(
  table: HandlerTable,
  channel: string,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `There is no operation called '${channel}'.` },
    };
  try {
    const parsed = inputs[channel].parse(raw);
    const handler = table[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed) };
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}
