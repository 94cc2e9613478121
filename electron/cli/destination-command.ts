// `returndesk destination update NAME ...` and `destination remove NAME`: doors onto the same
// operations as the app's Settings. Only the flags given change; secrets arrive on standard input.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { SecretOutcome } from '../../shared/ipc/views';
import { print } from './session';
import { UsageError, describeFileError } from './output';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { readSecretFromStdin } from './stdin';

interface UpdateFlags {
  name?: string;
  url?: string;
  area?: string;
  username?: string;
  ca?: string | false;
  passwordStdin?: boolean;
  groupKeyStdin?: boolean;
  json?: boolean;
}

/** Which flag gave each input field, for the contract's messages. */
const flags = {
  destination: 'NAME',
  name: '--name',
  url: '--url',
  area: '--area',
  username: '--username',
  caPem: '--ca',
  password: '--password-stdin',
  groupKey: '--group-key-stdin',
};

/** What became of a secret given: this process ends now, so one not in the vault is not kept. */
function secretNote(what: string, outcome: SecretOutcome | null): string {
  if (outcome === null) return '';
  return outcome.stored
    ? ` The ${what} is in the credential vault.`
    : ` The ${what} was not kept: the system credential vault is not available (${outcome.vaultProblem ?? 'unknown reason'}).`;
}

export function registerDestinationChanges(destination: Command, io: Io): void {
  destination
    .command('update')
    .description('Change a destination (refused while an upload to it is unfinished)')
    .argument('<NAME>', 'the destination to change')
    .option('--name <name>', 'a new name for it')
    .option('--url <url>', 'a new https address')
    .option('--area <area>', 'a new upload area')
    .option('--username <user>', 'a new user name there')
    .option('--ca <file>', "a new certificate authority's PEM file")
    .option('--no-ca', 'trust only publicly trusted certificates from now on')
    .option('--password-stdin', 'read a new password from standard input')
    .option('--group-key-stdin', "read the area's group key from standard input")
    .option('--json', 'print as JSON')
    .action(async (name: string, o: UpdateFlags, cmd: Command) => {
      if (o.passwordStdin && o.groupKeyStdin)
        throw new UsageError('Give the password or the group key on standard input, not both.');
      const named = {
        destination: name,
        name: o.name,
        url: o.url,
        area: o.area,
        username: o.username,
        ...(o.ca === false ? { caPem: null } : {}),
      };
      // A mistyped flag is reported before anything is read from disk or standard input (a
      // secret or CA file still to be read counts as a change already asked for).
      const pending = o.passwordStdin || o.groupKeyStdin || typeof o.ca === 'string';
      checkInput(
        'destinations.update',
        pending ? { ...named, password: 'to be read' } : named,
        flags,
      );
      const caPem =
        typeof o.ca === 'string'
          ? await readFile(o.ca, 'utf8').catch((e: unknown) => {
              throw new UsageError(describeFileError(String(o.ca), e));
            })
          : named.caPem;
      const password = o.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
      const groupKey = o.groupKeyStdin ? await readSecretFromStdin(io, 'group key') : undefined;
      const input = { ...named, caPem, password, groupKey };
      const r = await perform(cmd, io, 'destinations.update', input, flags);
      const d = r.destination;
      const notes = secretNote('password', r.password) + secretNote('group key', r.groupKey);
      print(
        io,
        o.json,
        d,
        () => `Changed destination '${d.name}' (${d.url}, ${d.area}, ${d.username}).${notes}\n`,
      );
    });
  destination
    .command('remove')
    .description('Remove a destination; receipts of what was sent there are kept')
    .argument('<NAME>', 'the destination to remove')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'destinations.remove', { destination: name }, flags);
      print(io, o.json, r, () =>
        r.keptAs === null
          ? `Removed destination '${r.removed}'.\n`
          : `Removed destination '${r.removed}'. Its receipts are kept, under '${r.keptAs}'.\n`,
      );
    });
}
