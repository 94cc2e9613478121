// What portal-requests-command.ts still takes from the upload commands while it strings the store
// and the transfers together itself. Delete this file when that command is a door onto the portal
// operations: they print receipts as the uploads do (ReceiptView) and map errors in dispatch.
import { KeyringVault } from '../vault/keyring-vault';
import { UploadError } from '../upload/extranet-client';
import { NetworkError } from '../upload/transport';
import { RefusedError } from './output';
import type { Io } from './output';

export { receiptView as receipt } from '../operations/files';

export const vault = (io: Io) => new KeyringVault(io.env.RETURNDESK_VAULT_SERVICE ?? undefined);

/** Upload failures become one line and exit 1. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UploadError || e instanceof NetworkError) throw new RefusedError(e.message);
    throw e;
  }
}
