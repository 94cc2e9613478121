// `returndesk portal requests | request add | request import | format import | formats | upload |
// nil-return`: the data portal's schedule from the command line. Statuses use the dashboard's
// wording; an upload is checked against its template's file format first (the findings shown as
// the app shows them), and the operation sends a file with errors only with --accept-errors.
import type { Command } from 'commander';
import type { Io } from './output';
import { EXIT } from './output';
import { OperationFailed, checkInput, perform, run } from './door';
import { fileInput } from './file-source';
import { print, positiveInt, withOperations } from './session';
import { readSecretFromStdin } from './stdin';
import { registerPortalFormats } from './portal-format-command';
import { findingLine, requestJson, requestTable } from './portal-text';

interface RequestsFlags {
  destination?: string;
  today?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

interface AddFlags {
  period: string;
  template: string;
  opens?: string;
  due: string;
  destination?: string;
  json?: boolean;
}

interface UploadFlags {
  request: number;
  acceptErrors?: boolean;
  passwordStdin?: boolean;
  json?: boolean;
}

const password = (io: Io, asked: boolean | undefined) =>
  asked ? readSecretFromStdin(io, 'password') : Promise.resolve(undefined);

function registerRequests(portal: Command, io: Io, setExit: (code: number) => void): void {
  portal
    .command('requests')
    .description("List data requests with their status; --destination first syncs that portal's")
    .option(
      '--destination <name>',
      "sync this destination's requests from the portal, and list only them",
    )
    .option('--today <YYYY-MM-DD>', 'word the statuses as on this day')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(async (o: RequestsFlags, cmd: Command) => {
      const input = { today: o.today, destination: o.destination };
      checkInput('portal.requests', input);
      const secret = await password(io, o.passwordStdin);
      const { requests } = await withOperations(cmd, io, async (ops) => {
        if (o.destination !== undefined) {
          try {
            const sync = { destination: o.destination, password: secret };
            const outcome = await run(ops, 'portal.sync', sync);
            for (const p of outcome.problems) io.err(`returndesk: warning: ${p}\n`);
          } catch (e) {
            // A destination that does not exist is a mistake in the command, not a failed sync.
            if (!(e instanceof OperationFailed) || e.error.code === 'NOT_FOUND') throw e;
            // The schedule kept in the history is still worth showing; say it may be out of date.
            io.err(
              `returndesk: warning: could not sync '${o.destination}' (${e.text}); showing the requests as last synced.\n`,
            );
            setExit(EXIT.invalid);
          }
        }
        return run(ops, 'portal.requests', input);
      });
      print(io, o.json, requests.map(requestJson), () => requestTable(requests));
    });

  const request = portal.command('request').description('Data requests kept here');
  request
    .command('add')
    .description('Add a data request for a portal ReturnDesk cannot reach (or before it is synced)')
    .requiredOption('--period <text>', 'reporting period, e.g. "June 2019"')
    .requiredOption('--template <name>', 'template, e.g. SpecificationCodes')
    .option('--opens <YYYY-MM-DD>', 'the day the collection opens (left out: the due date)')
    .requiredOption('--due <YYYY-MM-DD>', 'the day the data is due')
    .option('--destination <name>', 'the destination files for it are uploaded to')
    .option('--json', 'print as JSON')
    .action(async ({ json, ...input }: AddFlags, cmd: Command) => {
      const r = await perform(cmd, io, 'portal.addRequest', input);
      print(
        io,
        json,
        requestJson(r),
        () =>
          `Added request ${r.id}: ${r.template} for ${r.period}, due ${r.due} (${r.status.text}).\n`,
      );
    });
  request
    .command('import')
    .description(
      'Import a reporting schedule (CSV: Reporting period, Template[, Opens], Due[, Destination])',
    )
    .argument('<schedule.csv>', 'the schedule')
    .option('--json', 'print as JSON')
    .action(async (path: string, o: { json?: boolean }, cmd: Command) => {
      const flags = { fileName: path, source: path };
      const r = await perform(cmd, io, 'portal.importRequests', await fileInput(path), flags);
      print(
        io,
        o.json,
        r,
        () =>
          `Imported ${r.added} request${r.added === 1 ? '' : 's'}${r.skipped ? `; ${r.skipped} already known` : ''}.\n`,
      );
    });
}

function registerSending(portal: Command, io: Io): void {
  const requestId = positiveInt('--request');
  portal
    .command('upload')
    .description("Check a CSV against its template's file format and upload it for a data request")
    .requiredOption('--request <id>', 'the data request', requestId)
    .argument('<file.csv>', 'the data file')
    .option('--accept-errors', 'upload even if the check finds errors (you know about them)')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print the receipt as JSON')
    .action(async (path: string, o: UploadFlags, cmd: Command) => {
      const flags = {
        requestId: '--request',
        acknowledgeErrors: '--accept-errors',
        'file.fileName': path,
        'file.source': path,
      };
      const secret = await password(io, o.passwordStdin);
      const file = await fileInput(path);
      const sent = await withOperations(
        cmd,
        io,
        async (ops) => {
          // As in the app: the check is shown first, and the upload decides whether it may go.
          const check = await run(ops, 'portal.check', { requestId: o.request, file }, flags);
          if (!check.format)
            io.err(
              `returndesk: warning: no file format is attached to ${check.template}, so the file was not checked ('portal format import').\n`,
            );
          else if (!check.valid)
            for (const f of check.findings.slice(0, 20)) io.err(findingLine(f));
          const upload = {
            requestId: o.request,
            file,
            acknowledgeErrors: o.acceptErrors === true,
            password: secret,
          };
          return run(ops, 'portal.upload', upload, flags);
        },
        { progress: !o.json },
      );
      const { request: r, ...receipt } = sent;
      print(
        io,
        o.json,
        { ...receipt, request: r.id },
        () =>
          `${sent.file}: received for ${r.template} (${r.period}), upload ${sent.uploadId}, SHA-256 ${sent.serverSha256} matches. Upload pending verification.\n`,
      );
    });
  portal
    .command('nil-return')
    .description('Record "No data to submit" for a data request')
    .requiredOption('--request <id>', 'the data request', requestId)
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(
      async (o: { request: number; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
        const input = { requestId: o.request, password: await password(io, o.passwordStdin) };
        const r = await perform(cmd, io, 'portal.nilReturn', input, { requestId: '--request' });
        print(
          io,
          o.json,
          requestJson(r),
          () =>
            `No data to submit: recorded for ${r.template} (${r.period}) by ${r.nilReturn?.by ?? ''}. Status: ${r.status.text}.\n`,
        );
      },
    );
}

export function registerPortalReturns(
  portal: Command,
  io: Io,
  setExit: (code: number) => void,
): void {
  registerRequests(portal, io, setExit);
  registerPortalFormats(portal, io);
  registerSending(portal, io);
}
