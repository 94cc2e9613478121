// A destination as the screens see it (which secrets are at hand, never the secrets), and keeping
// or forgetting its secrets: in the vault, or for this session where there is none.
import type { Destination } from '../store';
import type { DestinationView, SecretOutcome } from '../../shared/ipc/views';
import type { OperationHost } from './host';
import { vaultAccount } from '../vault/keyring-vault';
import { VaultUnavailableError } from '../../shared/ports';
import { KEPT_FOR_SESSION, sessionSecrets } from './session-secrets';
import { groupKeyAccount } from './upload-secrets';

async function has(host: OperationHost, account: string): Promise<boolean> {
  try {
    return (await host.vault.get(account)) !== undefined;
  } catch {
    return false;
  }
}

export async function view(host: OperationHost, d: Destination): Promise<DestinationView> {
  return {
    id: d.id,
    name: d.name,
    url: d.url,
    area: d.area,
    username: d.username,
    ca: d.caPem !== null,
    createdAt: d.createdAt,
    passwordStored: await has(host, vaultAccount.password(d.id, d.username)),
    groupKeyStored: await has(host, groupKeyAccount(d)),
    passwordForSession: sessionSecrets(host).has(vaultAccount.password(d.id, d.username)),
    groupKeyForSession: sessionSecrets(host).has(groupKeyAccount(d)),
    areas: await Promise.all(
      d.areas.map(async (a) => ({
        name: a.name,
        groupKeyStored: await has(host, groupKeyAccount(d, a)),
        groupKeyForSession: sessionSecrets(host).has(groupKeyAccount(d, a)),
      })),
    ),
  };
}

/** In the vault; where there is none, in memory for this session (and the user is told so). */
export async function keep(
  host: OperationHost,
  account: string,
  secret: string,
): Promise<SecretOutcome> {
  const session = sessionSecrets(host);
  try {
    await host.vault.set(account, secret);
    // The vault's copy is the one to use from now on.
    session.delete(account);
    return { stored: true, message: null };
  } catch (e) {
    if (!(e instanceof VaultUnavailableError)) throw e;
    session.set(account, secret);
    return {
      stored: false,
      forSession: true,
      vaultProblem: e.reason,
      message: `${KEPT_FOR_SESSION} The system credential vault is not available (${e.reason}).`,
    };
  }
}

/** Gone from the session and, where it can be reached, the vault. */
export async function forget(host: OperationHost, account: string): Promise<void> {
  sessionSecrets(host).delete(account);
  try {
    await host.vault.delete(account);
  } catch (e) {
    if (!(e instanceof VaultUnavailableError)) throw e;
  }
}
