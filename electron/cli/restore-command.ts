// Backups in the backups folder: list them, and restore one. Restoring replaces the whole history,
// so the command first shows what the backup holds and restores only with --yes (a script says so
// up front; there is no prompt, as no command of this line reads answers from a terminal).
import type { Command } from 'commander';
import type { BackupContentsView } from '../../shared/ipc/views';
import { print, table } from './session';
import { RefusedError } from './output';
import type { Io } from './output';
import { perform } from './door';
import { backupHolds } from '../../shared/history/backup-contents';

export function registerRestore(program: Command, io: Io): void {
  program
    .command('backups')
    .description('List the backups in the backups folder, newest first')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'backups.list', undefined);
      print(io, o.json, list, () =>
        list.length === 0
          ? 'No backups yet.\n'
          : table(
              ['Backup', 'Made', 'Bytes'],
              list.map((b) => [b.name, b.createdAt, b.bytes]),
            ),
      );
    });

  program
    .command('restore')
    .description('Show what a backup holds; with --yes, replace the history with it')
    .argument('<name>', "a backup's name, as 'returndesk backups' lists it")
    .option('--yes', 'restore it (the current history is backed up first)')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { yes?: boolean; json?: boolean }, cmd: Command) => {
      const contents = await perform(cmd, io, 'backups.describe', { name });
      if (!o.yes) {
        print(io, o.json, { contents, restored: null, safetyBackup: null }, () =>
          describe(contents),
        );
        throw new RefusedError(
          `Nothing was restored: restoring replaces the whole history with ${name}. Add --yes to restore it.`,
        );
      }
      const r = await perform(cmd, io, 'backups.restore', { name });
      print(io, o.json, { contents, ...r }, () =>
        [
          describe(contents),
          `Restored ${r.restored}. The history as it was just before is kept as ${r.safetyBackup} in the backups folder.\n`,
        ].join(''),
      );
    });
}

/** What the backup holds, in the app's words. */
function describe(b: BackupContentsView): string {
  return `The backup ${b.name} (made ${b.createdAt}, ${b.bytes} bytes) holds ${backupHolds(b, (t) => t)}.\n`;
}
