// Registers one ipcMain.handle per contract channel. Every call is checked twice before a handler
// runs: the sender must be our own page (security.ts), and the input must parse with the
// channel's schema (dispatch). Failures come back as data, never as a thrown error.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { fail } from '../../shared/ipc/result';
import { dispatch } from '../operations';
import type { Operations } from '../operations';
import { isTrustedSender } from './security';

export type IpcRegistrar = Pick<IpcMain, 'handle'>;

export const FORBIDDEN_SENDER = 'This request did not come from the ReturnDesk window.';

export function registerIpcHandlers(ipcMain: IpcRegistrar, operations: Operations): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
        if (!isTrustedSender(event)) return fail('FORBIDDEN', FORBIDDEN_SENDER);
        return dispatch(operations, channel, input);
      },
    );
  }
}
