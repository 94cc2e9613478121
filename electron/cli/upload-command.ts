// `returndesk destination add | list | test` (update and remove: destination-command.ts), `login`, `upload` and `status`: doors onto the
// destination and upload operations. Secrets arrive on standard input, files are streamed from
// disk, and --json prints the operations' own output (one receipt shape for every door).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DestinationView, ReceiptView } from '../../shared/ipc/views';
import { print, table, withOperations, positiveInt } from './session';
import { RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';
import { checkInput, perform, run } from './door';
import { fileInput } from './file-source';
import { readSecretFromStdin } from './stdin';
import { cannotCheckHint } from './hints/uploads';
import { registerDestinationChanges } from './destination-command';
import { registerDestinationAreas } from './destination-area-command';

// For portal-requests-command.ts until it is a door too; remove with its conversion.

interface TestFlags {
  name: string;
  area?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

interface AddFlags {
  name: string;
  url: string;
  area: string;
  username: string;
  ca?: string;
  groupKeyStdin?: boolean;
  json?: boolean;
}

/** Which flag gave each input field, for the contract's messages. */
const flags = {
  destination: '--destination',
  batchId: '--batch',
  password: '--password-stdin',
  caPem: '--ca',
  groupKey: '--group-key-stdin',
  area: '--area',
};

const secretFrom = (io: Io, given: boolean | undefined, what: string) =>
  given ? readSecretFromStdin(io, what) : Promise.resolve(undefined);

function destinationTable(list: DestinationView[]): string {
  if (list.length === 0) return 'No destinations yet.\n';
  return table(
    ['Name', 'Address', 'Areas', 'User', 'Own CA'],
    list.map((d) => [
      d.name,
      d.url,
      d.areas.map((a) => a.name).join('; '),
      d.username,
      d.ca ? 'yes' : '',
    ]),
  );
}

const received = (r: ReceiptView) =>
  `${r.file}: received by '${r.destination}' (upload ${r.uploadId}), ${r.bytes} bytes, SHA-256 ${r.serverSha256} matches. Pending verification.\n`;

function receiptTable(list: ReceiptView[]): string {
  if (list.length === 0) return 'No uploads yet.\n';
  return table(
    ['File', 'Destination', 'Bytes', 'Status', 'Upload id', 'Received', 'Messages'],
    list.map((r) => [
      r.file,
      r.destination,
      r.bytes,
      r.status,
      r.uploadId,
      r.receivedAt,
      r.messages.map((m) => `${m.code}: ${m.message}`).join('; '),
    ]),
  );
}

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
    .action(async (o: AddFlags, cmd: Command) => {
      const named = { name: o.name, url: o.url, area: o.area, username: o.username };
      // A mistyped flag is reported before anything is read from disk or standard input.
      checkInput('destinations.add', named, flags);
      const caPem = o.ca
        ? await readFile(o.ca, 'utf8').catch((e: unknown) => {
            throw new UsageError(describeFileError(o.ca ?? '', e));
          })
        : null;
      const groupKey = await secretFrom(io, o.groupKeyStdin, 'group key');
      const r = await perform(cmd, io, 'destinations.add', { ...named, caPem, groupKey }, flags);
      const d = r.destination;
      // This process ends now: a key held "for the session" would be gone, so say it as it is.
      const note = !r.groupKey
        ? ''
        : r.groupKey.stored
          ? ' The group key is in the credential vault.'
          : ` The group key was not kept: the system credential vault is not available (${r.groupKey.vaultProblem ?? 'unknown reason'}). Give it with --group-key-stdin when you upload, or join the area on the website.`;
      print(io, o.json, d, () => `Added destination '${d.name}' (${d.url}, ${d.area}).${note}\n`);
    });
  registerDestinationChanges(destination, io);
  registerDestinationAreas(destination, io);
  destination
    .command('list')
    .description('List destinations')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'destinations.list', undefined);
      print(io, o.json, list, () => destinationTable(list));
    });
  destination
    .command('test')
    .description('Log in and check the upload area')
    .requiredOption('--name <name>', 'destination')
    .option('--area <area>', 'which of its areas (needed where it has several)')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(async (o: TestFlags, cmd: Command) => {
      const password = await secretFrom(io, o.passwordStdin, 'password');
      const input = { destination: o.name, area: o.area, password };
      const r = await perform(cmd, io, 'destinations.test', input, {
        ...flags,
        destination: '--name',
      });
      print(
        io,
        o.json,
        { ok: true, ...r },
        () => `Logged in to '${o.name}' and reached ${r.areas.map((a) => `'${a}'`).join(', ')}.\n`,
      );
    });

  program
    .command('login')
    .description('Check a password and keep it in the credential vault')
    .requiredOption('--destination <name>', 'destination')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .option('--json', 'print as JSON')
    .action(async (o: { destination: string; json?: boolean }, cmd: Command) => {
      const password = await readSecretFromStdin(io, 'password');
      const input = { destination: o.destination, password, verify: true };
      const r = await perform(cmd, io, 'destinations.setPassword', input, flags);
      // Logging in is for keeping the password: without a vault that is a refusal here.
      if (!r.stored)
        throw new RefusedError(
          `Not remembered on this computer: the system credential vault is not available (${r.vaultProblem ?? 'unknown reason'}), so ReturnDesk will ask for it each time. Give it with --password-stdin when you upload.`,
        );
      const d = r.destination;
      print(
        io,
        o.json,
        { ok: true, destination: d.name, username: d.username },
        () => `Logged in as ${d.username}; the password is in the credential vault.\n`,
      );
    });

  program
    .command('upload')
    .description('Upload files, or a signed-off batch, to a destination')
    .requiredOption('--destination <name>', 'destination')
    .argument('[files...]', 'files to upload')
    .option('--batch <id>', 'a signed-off batch', positiveInt('--batch'))
    .option(
      '--area <area>',
      "which of the destination's areas (needed where it has several; a batch goes to its own)",
    )
    .option('--password-stdin', 'use this password instead of the stored one')
    .option(
      '--confirm-unchecked',
      'send files that are not amendment, ILR XML or data-portal files, which cannot be checked',
    )
    .option('--json', 'print the receipts as JSON')
    .action(
      async (
        paths: string[],
        o: {
          destination: string;
          batch?: number;
          area?: string;
          passwordStdin?: boolean;
          confirmUnchecked?: boolean;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        if ((o.batch === undefined) === (paths.length === 0))
          throw new UsageError('Give either files to upload or --batch ID, not both.');
        const password = await secretFrom(io, o.passwordStdin, 'password');
        const files = paths.length ? await Promise.all(paths.map(fileInput)) : undefined;
        const input = {
          destination: o.destination,
          area: o.area,
          batchId: o.batch,
          files,
          password,
          confirmUnchecked: o.confirmUnchecked,
        };
        const receipts = await perform(cmd, io, 'uploads.start', input, flags, {
          progress: !o.json,
        });
        print(
          io,
          o.json,
          receipts,
          () => receipts.map(received).join('') || 'Nothing left to upload.\n',
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
        o: { destination?: string; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        const password = await secretFrom(io, o.passwordStdin, 'password');
        const { destination } = o;
        const list = await withOperations(cmd, io, async (ops) => {
          const checked = await run(ops, 'uploads.refresh', { destination, password }, flags);
          for (const p of checked.problems) io.err(`returndesk: warning: ${p}\n`);
          // Said per destination, so nobody reads "pending" as "being checked" when it was not.
          for (const d of checked.destinations.filter((c) => c.outcome === 'cannot-check'))
            io.err(`returndesk: warning: ${d.message} ${cannotCheckHint(d)}\n`);
          return run(ops, 'uploads.list', { destination }, flags);
        });
        // Oldest first, as a log reads (the app shows the newest first).
        const receipts = [...list].reverse();
        print(io, o.json, receipts, () => receiptTable(receipts));
      },
    );
}
