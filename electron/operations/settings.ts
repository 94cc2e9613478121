// App information, providers and destinations (with their secrets in the vault).
import type { OperationTableOf } from './table';
import { inArea } from '../store';
import type { OperationHost } from './host';
import { vaultAccount } from '../vault/keyring-vault';
import { VaultUnavailableError } from '../../shared/ports';
import { UploadService } from './upload-service';
import { destinationOf } from './destination-of';
import { sessionSecrets } from './session-secrets';
import { forget, keep, view } from './destination-view';
import { destinationAreaOperations } from './destination-areas';
import { groupKeyAccount } from './upload-secrets';

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
  | 'destinations.addArea'
  | 'destinations.removeArea'
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
      const groupKey = input.groupKey ? await keep(host, groupKeyAccount(d), input.groupKey) : null;
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
      if (d.area !== before.area && groupKey === undefined) await forget(host, groupKeyAccount(d));
      return {
        destination: await view(host, d),
        password: password
          ? await keep(host, vaultAccount.password(d.id, d.username), password)
          : null,
        // The first area's: another area's key is given with that area (destinations.setGroupKey).
        groupKey: groupKey ? await keep(host, groupKeyAccount(d), groupKey) : null,
      };
    },
    'destinations.remove': async (i) => {
      const before = destinationOf(host.store(), i);
      const { destination, kept } = host.store().destinations.remove(before.name);
      await forget(host, vaultAccount.password(before.id, before.username));
      for (const a of before.areas) await forget(host, groupKeyAccount(before, a));
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
    'destinations.setGroupKey': async ({ groupKey, area, ...ref }) => {
      const d = inArea(destinationOf(host.store(), ref), area);
      return keep(host, groupKeyAccount(d), groupKey);
    },
    'destinations.test': async (i) =>
      uploadService(host, i.password).test(destinationOf(host.store(), i), i.area),
    ...destinationAreaOperations(host),
  };
}
