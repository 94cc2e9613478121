// Backups (make one, restore one) and the audit trail (check it, list its entries).
import type { OperationTableOf } from './table';
import type { OperationHost } from './host';
import { describeBackup, restoreBackup } from '../store/backup';
import { auditKeys } from './audit-key';

export function historyOperations(
  host: OperationHost,
): OperationTableOf<
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'backups.describe'
  | 'audit.verify'
  | 'audit.list'
  | 'audit.keyState'
  | 'audit.setPassphrase'
> {
  return {
    'backups.list': () =>
      host
        .store()
        .listBackups()
        .map(({ name, createdAt, bytes }) => ({ name, createdAt, bytes })),
    'backups.create': async (input) => {
      const store = host.store();
      // `to` comes only from the command line (the contract refuses it from any other door).
      const b = input ? await store.backup(input.to.path()) : await store.backupNow();
      return { name: b.name, createdAt: b.createdAt, bytes: b.bytes };
    },
    'backups.restore': async ({ name }) => {
      const store = host.store();
      const folder = store.folder;
      const live = store.path;
      // The restore needs the history closed; it is reopened (and migrated) afterwards.
      const { safetyBackup } = await host.reopen(() =>
        restoreBackup(folder, live, name, host.clock.now()),
      );
      return { restored: name, safetyBackup };
    },
    'backups.describe': ({ name }) => {
      // Everything but where it lies on disk, which the app's window never sees.
      const d = describeBackup(host.store().folder, name);
      return {
        name: d.name,
        createdAt: d.createdAt,
        bytes: d.bytes,
        version: d.version,
        providers: d.providers,
        plans: d.plans,
        files: d.files,
        uploads: d.uploads,
        newestEntryAt: d.newestEntryAt,
        empty: d.empty,
      };
    },
    'audit.verify': async (input) => {
      const store = host.store();
      const { keys, vaultHeld } = await auditKeys(host);
      const verdict = store.verifyAudit(keys, vaultHeld);
      const head = input?.head;
      if (!head) return verdict;
      return {
        ...verdict,
        head: { ...head, inChain: store.audit.sealOfEntry(head.entry) === head.seal },
      };
    },
    'audit.list': ({ subject, limit }) => host.store().audit.list(subject, limit),
    'audit.keyState': async () => (await import('./audit-session')).auditKeyState(host),
    'audit.setPassphrase': async (input) =>
      (await import('./audit-session')).setAuditPassphrase(host, input),
  };
}
