// Where an upload's secrets come from. The password: this run's (given to replace the stored one),
// one typed earlier this session (held in memory where the vault cannot keep it), the vault's, or
// a fallback typed for destinations with none stored. A missing one is a clear NO_PASSWORD naming
// the destination and why, never an empty login; each door says how to give one.
import type { Destination } from '../store';
import type { CredentialVault } from '../../shared/ports';
import { VaultUnavailableError } from '../../shared/ports';
import { vaultAccount } from '../vault/keyring-vault';
import { UploadError } from '../upload/extranet-client';
import type { SessionSecrets } from './session-secrets';

export interface PasswordSources {
  vault: CredentialVault;
  session?: SessionSecrets;
  password?: string;
  fallbackPassword?: string;
}

/** Why no password is at hand for a destination, in words for any door; null when one is. */
export async function missingPassword(o: PasswordSources, d: Destination): Promise<string | null> {
  try {
    await passwordFor(o, d);
    return null;
  } catch (e) {
    if (e instanceof UploadError && e.code === 'NO_PASSWORD') return e.message;
    throw e;
  }
}

export async function passwordFor(o: PasswordSources, d: Destination): Promise<string> {
  if (o.password !== undefined) return o.password;
  const account = vaultAccount.password(d.id, d.username);
  const typed = o.session?.get(account);
  if (typed !== undefined) return typed;
  let stored: string | undefined;
  try {
    stored = await o.vault.get(account);
  } catch (e) {
    if (!(e instanceof VaultUnavailableError)) throw e;
    if (o.fallbackPassword !== undefined) return o.fallbackPassword;
    throw new UploadError(
      'NO_PASSWORD',
      `No password for '${d.name}': the system credential vault is not available (${e.reason}), and none has been given since ReturnDesk started.`,
    );
  }
  if (stored === undefined && o.fallbackPassword !== undefined) return o.fallbackPassword;
  if (stored === undefined) {
    throw new UploadError('NO_PASSWORD', `No password is stored for ${d.username} at '${d.name}'.`);
  }
  return stored;
}

/** Where the group key of the destination's chosen area is kept. */
export function groupKeyAccount(
  d: Pick<Destination, 'id' | 'areaId' | 'areaFirst'>,
  area: { id: number; first: boolean } = { id: d.areaId, first: d.areaFirst },
): string {
  return vaultAccount.groupKey(d.id, area.first ? undefined : area.id);
}

/** The area's group key, if one is kept (vault, or this session); an area already joined needs none. */
export async function groupKeyFor(
  vault: CredentialVault,
  d: Destination,
  session?: SessionSecrets,
): Promise<string | undefined> {
  const account = groupKeyAccount(d);
  const typed = session?.get(account);
  if (typed !== undefined) return typed;
  try {
    return await vault.get(account);
  } catch {
    return undefined;
  }
}
