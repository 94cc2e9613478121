import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Store, Upload } from '../store';
import { KeyringVault, vaultAccount } from '../vault/keyring-vault';
import { VaultUnavailableError } from '../../shared/ports';
import { NodeTransport } from '../upload/node-transport';
import { UploadService } from '../upload/upload-service';
import { UploadError } from '../upload/extranet-client';
import { NetworkError } from '../upload/transport';
import { print, table, withStore, positiveInt } from './session';
import { parseOptions } from './parse';
import { RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';
import { readSecretFromStdin } from './stdin';
import { progressLine } from './progress';

export const vault = (io: Io) => new KeyringVault(io.env.RETURNDESK_VAULT_SERVICE ?? undefined);

function service(store: Store, io: Io, password?: string, quiet = false): UploadService {
  return new UploadService({
    store,
    vault: vault(io),
    transportFor: (d) => new NodeTransport(d.caPem),
    password,
    onProgress: quiet ? undefined : progressLine(io),
  });
}

/** Upload failures become one line and exit 1. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UploadError || e instanceof NetworkError) throw new RefusedError(e.message);
    throw e;
  }
}

export const receipt = (u: Upload) => ({
  file: u.fileName,
  bytes: u.bytes,
  sha256: u.sha256,
  serverSha256: u.serverSha256,
  uploadId: u.serverUploadId,
  status: u.status,
  destination: u.destination,
  area: u.area,
  batchId: u.batchId,
  receivedAt: u.receivedAt,
  user: u.user,
  messages: u.messages,
});

const AddOptions = z.object({
  name: z.string().trim().min(1, '--name must not be empty'),
  url: z.string().min(1),
  area: z.string().trim().min(1, '--area must not be empty'),
  username: z.string().trim().min(1, '--username must not be empty'),
  ca: z.string().optional(),
  groupKeyStdin: z.boolean().optional(),
  json: z.boolean().optional(),
});

export function registerUpload(program: Command, io: Io): void {
  const destination = program
    .command('destination')
    .description('Where files are uploaded: an extranet upload area or a data portal');
  destination
    .command('add')
    .description('Add a destination (the group key, if given, goes to the credential vault)')
    .requiredOption('--name <name>', 'a name for it')
    .requiredOption('--url <url>', 'https address of the extranet or portal')
    .requiredOption('--area <area>', "upload area, e.g. 'FAMD General upload area (GUA)'")
    .requiredOption('--username <user>', 'your user name there')
    .option(
      '--ca <file>',
      "the certificate authority's PEM file, if the server's is not publicly trusted",
    )
    .option('--group-key-stdin', "read the area's group key from standard input")
    .option('--json', 'print as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(AddOptions, raw);
      let caPem: string | null = null;
      if (o.ca)
        caPem = await readFile(o.ca, 'utf8').catch((e: unknown) => {
          throw new UsageError(describeFileError(o.ca ?? '', e));
        });
      const groupKey = o.groupKeyStdin ? await readSecretFromStdin(io, 'group key') : undefined;
      await withStore(cmd, io, async (s) => {
        const d = s.destinations.add({
          name: o.name,
          url: o.url,
          area: o.area,
          username: o.username,
          caPem,
        });
        let note = '';
        if (groupKey !== undefined) {
          try {
            await vault(io).set(vaultAccount.groupKey(d.id), groupKey);
            note = ' The group key is in the credential vault.';
          } catch (e) {
            note = ` ${e instanceof VaultUnavailableError ? e.message : 'The group key could not be stored.'} Join the area on the website instead.`;
          }
        }
        print(io, o.json, d, () => `Added destination '${d.name}' (${d.url}, ${d.area}).${note}\n`);
      });
    });
  destination
    .command('list')
    .description('List destinations')
    .option('--json', 'print as JSON')
    .action(async (raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const list = s.destinations.list().map(({ caPem, ...d }) => ({ ...d, ca: caPem !== null }));
        print(io, raw.json, list, () =>
          list.length
            ? table(
                ['Name', 'Address', 'Area', 'User', 'Own CA'],
                list.map((d) => [d.name, d.url, d.area, d.username, d.ca ? 'yes' : '']),
              )
            : 'No destinations yet.\n',
        );
      });
    });
  destination
    .command('test')
    .description('Log in and check the upload area')
    .requiredOption('--name <name>', 'destination')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(
      async (raw: { name: string; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, (s) =>
          guarded(async () => {
            const r = await service(s, io, password, true).test(raw.name);
            print(
              io,
              raw.json,
              { ok: true, ...r },
              () => `Logged in to '${raw.name}' and reached '${r.area}'.\n`,
            );
          }),
        );
      },
    );

  program
    .command('login')
    .description('Check a password and keep it in the credential vault')
    .requiredOption('--destination <name>', 'destination')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .option('--json', 'print as JSON')
    .action(async (raw: { destination: string; json?: boolean }, cmd: Command) => {
      const password = await readSecretFromStdin(io, 'password');
      await withStore(cmd, io, (s) =>
        guarded(async () => {
          const d = s.destinations.get(raw.destination);
          const svc = service(s, io, password, true);
          const client = svc.client(d);
          // A busy server (503) is retried like any upload request; a wrong password is not.
          await svc.uploader(d, client).retry(() => client.login());
          try {
            await vault(io).set(vaultAccount.password(d.id, d.username), password);
          } catch (e) {
            if (e instanceof VaultUnavailableError)
              throw new RefusedError(`${e.message} Give it with --password-stdin when you upload.`);
            throw e;
          }
          print(
            io,
            raw.json,
            { ok: true, destination: d.name, username: d.username },
            () => `Logged in as ${d.username}; the password is in the credential vault.\n`,
          );
        }),
      );
    });

  program
    .command('upload')
    .description('Upload files, or a signed-off batch, to a destination')
    .requiredOption('--destination <name>', 'destination')
    .argument('[files...]', 'files to upload')
    .option('--batch <id>', 'a signed-off batch', positiveInt('--batch'))
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print the receipts as JSON')
    .action(
      async (
        files: string[],
        raw: { destination: string; batch?: number; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        if ((raw.batch === undefined) === (files.length === 0))
          throw new UsageError('Give either files to upload or --batch ID, not both.');
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, (s) =>
          guarded(async () => {
            const svc = service(s, io, password, raw.json);
            const uploads =
              raw.batch !== undefined
                ? await svc.uploadBatch(raw.destination, raw.batch)
                : await svc.uploadFiles(raw.destination, files);
            print(
              io,
              raw.json,
              uploads.map(receipt),
              () =>
                uploads
                  .map(
                    (u) =>
                      `${u.fileName}: received by '${u.destination}' (upload ${u.serverUploadId}), ${u.bytes} bytes, SHA-256 ${u.serverSha256} matches. Pending verification.\n`,
                  )
                  .join('') || 'Nothing left to upload.\n',
            );
          }),
        );
      },
    );

  program
    .command('status')
    .description('Fetch verification results and show recent uploads')
    .option('--destination <name>', 'only this destination')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(
      async (
        raw: { destination?: string; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, (s) =>
          guarded(async () => {
            const svc = service(s, io, password, true);
            await svc.refreshStatuses(raw.destination);
            for (const p of svc.problems) io.err(`returndesk: warning: ${p}\n`);
            const d = raw.destination ? s.destinations.get(raw.destination) : undefined;
            const list = s.uploads.list({ destinationId: d?.id });
            print(io, raw.json, list.map(receipt), () =>
              list.length
                ? table(
                    ['File', 'Destination', 'Bytes', 'Status', 'Upload id', 'Received', 'Messages'],
                    list.map((u) => [
                      u.fileName,
                      u.destination,
                      u.bytes,
                      u.status,
                      u.serverUploadId,
                      u.receivedAt,
                      u.messages.map((m) => `${m.code}: ${m.message}`).join('; '),
                    ]),
                  )
                : 'No uploads yet.\n',
            );
          }),
        );
      },
    );
}
