// The operations for a command that needs nothing but the files named on the command line
// (checking them): the history, the credential vault and the network are neither opened nor even
// loaded, so `returndesk validate` starts about as fast as Node itself.
import { systemClock } from '../../shared/ports';
import { createOperations } from '../operations';
import type { Operations } from '../operations';
import { APP_VERSION } from '../version';

const closed = (what: string) => (): never => {
  throw new Error(`${what} is not open for a command that only checks files.`);
};

export function offlineOperations(): Operations {
  return createOperations({
    store: closed('The history'),
    reopen: closed('The history'),
    vault: {
      get: closed('The credential vault'),
      set: closed('The credential vault'),
      delete: closed('The credential vault'),
      list: closed('The credential vault'),
    },
    transportFor: closed('The network'),
    clock: systemClock,
    mode: 'browser',
    version: APP_VERSION,
    emit: () => undefined,
  });
}
