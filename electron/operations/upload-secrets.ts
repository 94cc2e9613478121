// Where an upload's secrets come from. The password: this run's (given to replace the stored one), the
// vault's, or a fallback typed for destinations with none stored. A missing one is a clear
// NO_PASSWORD, never an empty login; each door says how to give one.
import type { Destination } from '../store';
import type { CredentialVault } from '../../shared/ports';
import { VaultUnavailableError } from '../../shared/ports';
import { vaultAccount } from '../vault/keyring-vault';
import { UploadError } from '../upload/extranet-client';

export interface PasswordSources {
  vault: CredentialVault;
  password?: string;
  fallbackPassword?: string;
}

export async function passwordFor(o: PasswordSources, d: Destination): Promise<string> {
  if (o.password !== undefined) return o.password;
  let stored: string | undefined;
  try {
    stored = await o.vault.get(vaultAccount.password(d.id, d.username));
  } catch (e) {
    if (e instanceof VaultUnavailableError && o.fallbackPassword !== undefined)
      return o.fallbackPassword;
    if (e instanceof VaultUnavailableError) throw new UploadError('NO_PASSWORD', e.message);
    throw e;
  }
  if (stored === undefined && o.fallbackPassword !== undefined) return o.fallbackPassword;
  if (stored === undefined) {
    throw new UploadError('NO_PASSWORD', `No password is stored for ${d.username} at '${d.name}'.`);
  }
  return stored;
}

/** The area's group key, if one is kept; without it an area already joined still works. */
export async function groupKeyFor(
  vault: CredentialVault,
  d: Destination,
): Promise<string | undefined> {
  try {
    return await vault.get(vaultAccount.groupKey(d.id));
  } catch {
    return undefined;
  }
}
