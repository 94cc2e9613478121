// App information, providers and destinations (with their secrets in the vault).
import type { Destination } from '../store';
import type { DestinationView, SecretOutcome } from '../../shared/ipc/views';
import type { OperationTableOf } from './table';
import type { OperationHost } from './host';
import { vaultAccount } from '../vault/keyring-vault';
import { VaultUnavailableError } from '../../shared/ports';
import { UploadService } from './upload-service';
import { destinationOf } from './destination-of';
import { KEPT_FOR_SESSION, sessionSecrets } from './session-secrets';

async function has(host: OperationHost, account: string): Promise<boolean> {
  try {
    return (await host.vault.get(account)) !== undefined;
  } catch {
    return false;
  }
}

async function view(host: OperationHost, d: Destination): Promise<DestinationView> {
  return {
    id: d.id,
    name: d.name,
    url: d.url,
    area: d.area,
    username: d.username,
    ca: d.caPem !== null,
    createdAt: d.createdAt,
    passwordStored: await has(host, vaultAccount.password(d.id, d.username)),
    groupKeyStored: await has(host, vaultAccount.groupKey(d.id)),
    passwordForSession: sessionSecrets(host).has(vaultAccount.password(d.id, d.username)),
    groupKeyForSession: sessionSecrets(host).has(vaultAccount.groupKey(d.id)),
  };
}

/** In the vault; where there is none, in memory for this session (and the user is told so). */
async function keep(host: OperationHost, account: string, secret: string): Promise<SecretOutcome> {
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
async function forget(host: OperationHost, account: string): Promise<void> {
  sessionSecrets(host).delete(account);
  try {
    await host.vault.delete(account);
  } catch (e) {
    if (!(e instanceof VaultUnavailableError)) throw e;
  }
}

const uploadService = (host: OperationHost, password?: string) =>
  new UploadService({
    store: host.store(),
    vault: host.vault,
    session: sessionSecrets(host),
    transportFor: (x) => host.transportFor(x),
    password,
  });

export async function vaultStatus(
  host: OperationHost,
): Promise<{ available: boolean; message: string | null }> {
  try {
    await host.vault.list();
    return { available: true, message: null };
  } catch (e) {
    return { available: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export function settingsOperations(
  host: OperationHost,
): OperationTableOf<
  | 'app.info'
  | 'providers.list'
  | 'providers.add'
  | 'providers.update'
  | 'destinations.list'
  | 'destinations.add'
  | 'destinations.update'
  | 'destinations.remove'
  | 'destinations.setPassword'
  | 'destinations.forgetPassword'
  | 'destinations.setGroupKey'
  | 'destinations.test'
> {
  // The vault is not the history, but the screens showing "password stored" must refresh too.
  return {
    'app.info': async () => {
      const store = host.store();
      return {
        version: host.version,
        mode: host.mode,
        dataFolder: store.folder,
        warnings: store.warnings,
        vault: await vaultStatus(host),
        firstRun: store.providers.list().length === 0,
      };
    },
    'providers.list': () => host.store().providers.list(),
    'providers.add': (input) => {
      const p = host
        .store()
        .providers.add({ upin: input.upin, ukprn: input.ukprn ?? null, name: input.name });
      return p;
    },
    'providers.update': ({ upin, ukprn, name }) => {
      const p = host.store().providers.update(upin, { ukprn, name });
      return p;
    },
    'destinations.list': async () =>
      Promise.all(
        host
          .store()
          .destinations.list()
          .map((d) => view(host, d)),
      ),
    'destinations.add': async (input) => {
      const d = host.store().destinations.add({
        name: input.name,
        url: input.url,
        area: input.area,
        username: input.username,
        caPem: input.caPem ?? null,
      });
      const password = input.password
        ? await keep(host, vaultAccount.password(d.id, d.username), input.password)
        : null;
      const groupKey = input.groupKey
        ? await keep(host, vaultAccount.groupKey(d.id), input.groupKey)
        : null;
      return { destination: await view(host, d), password, groupKey };
    },
    'destinations.update': async ({ password, groupKey, ...i }) => {
      const before = destinationOf(host.store(), i);
      const change = {
        name: i.name,
        url: i.url,
        area: i.area,
        username: i.username,
        caPem: i.caPem,
      };
      // Only a secret given (the app's "group key" when an upload needs it): the history is untouched.
      const d = Object.values(change).some((v) => v !== undefined)
        ? host.store().destinations.update(before.name, change)
        : before;
      // A password belongs to its user name, a group key to its area: changed, the old one goes.
      if (d.username !== before.username)
        await forget(host, vaultAccount.password(before.id, before.username));
      if (d.area !== before.area && groupKey === undefined)
        await forget(host, vaultAccount.groupKey(d.id));
      return {
        destination: await view(host, d),
        password: password
          ? await keep(host, vaultAccount.password(d.id, d.username), password)
          : null,
        groupKey: groupKey ? await keep(host, vaultAccount.groupKey(d.id), groupKey) : null,
      };
    },
    'destinations.remove': async (i) => {
      const before = destinationOf(host.store(), i);
      const { destination, kept } = host.store().destinations.remove(before.name);
      await forget(host, vaultAccount.password(before.id, before.username));
      await forget(host, vaultAccount.groupKey(before.id));
      return { removed: before.name, keptAs: kept ? destination.name : null };
    },
    'destinations.setPassword': async (i) => {
      const d = destinationOf(host.store(), i);
      if (i.verify) await uploadService(host, i.password).login(d);
      const outcome = await keep(host, vaultAccount.password(d.id, d.username), i.password);
      return { ...outcome, destination: await view(host, d) };
    },
    'destinations.forgetPassword': async ({ destinationId }) => {
      const d = host.store().destinations.byId(destinationId);
      const account = vaultAccount.password(d.id, d.username);
      const fromSession = sessionSecrets(host).delete(account);
      const fromVault = await host.vault.delete(account).catch((e: unknown) => {
        if (fromSession && e instanceof VaultUnavailableError) return false;
        throw e;
      });
      return { forgotten: fromSession || fromVault };
    },
    'destinations.setGroupKey': async ({ destinationId, groupKey }) => {
      const d = host.store().destinations.byId(destinationId);
      return keep(host, vaultAccount.groupKey(d.id), groupKey);
    },
    'destinations.test': async (i) =>
      uploadService(host, i.password).test(destinationOf(host.store(), i)),
  };
}
