// `returndesk portal requests | request add | request import | format import | formats | upload |
// nil-return`: the data portal's schedule from the command line. Statuses use the dashboard's
// wording; an upload is checked against its template's file format first and a file with errors
// is sent only with --accept-errors.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Store } from '../store';
import { NodeTransport } from '../upload/node-transport';
import { PortalService } from '../upload/portal-service';
import { readSchedule } from '../files/request-schedule';
import { checkFileForTemplate } from '../operations/portal-check';
import { requestView, requestViews } from '../operations/portal-views';
import { readText, registerPortalFormats } from './portal-format-command';
import type { DataRequestView } from '../../shared/ipc/portal';
import { isIsoDate } from '../../shared/domain';
import { guarded, receipt, vault } from './upload-command';
import { progressLine } from './progress';
import { parseOptions } from './parse';
import { print, positiveInt, table, withStore } from './session';
import { RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';
import { readSecretFromStdin } from './stdin';

const day = (label: string) =>
  z.string().refine(isIsoDate, `${label} must be a real date written YYYY-MM-DD`);

const AddOptions = z.object({
  period: z.string().trim().min(1, '--period must not be empty'),
  template: z.string().trim().min(1, '--template must not be empty'),
  opens: day('--opens'),
  due: day('--due'),
  destination: z.string().optional(),
  json: z.boolean().optional(),
});

function portalService(store: Store, io: Io, password?: string, quiet = false): PortalService {
  return new PortalService({
    store,
    vault: vault(io),
    transportFor: (d) => new NodeTransport(d.caPem),
    password,
    onProgress: quiet ? undefined : progressLine(io),
    now: () => new Date(),
  });
}

const json = (r: DataRequestView) => ({
  id: r.id,
  period: r.period,
  template: r.template,
  opens: r.opens,
  due: r.due,
  status: r.status.text,
  tab: r.status.tab,
  canUpload: r.status.canUpload,
  detail: r.status.detail,
  destination: r.destination,
  fromPortal: r.fromPortal,
  upload: r.latestUpload,
  nilReturn: r.nilReturn,
  format: r.format ? r.format.sourceName : null,
});

function requestTable(list: DataRequestView[]): string {
  if (list.length === 0)
    return "No data requests yet. Sync them with --destination NAME, or add them with 'portal request add'.\n";
  return table(
    ['Id', 'Reporting period', 'Template', 'Opens', 'Due', 'Status', 'Destination'],
    list.map((r) => [
      r.id,
      r.period,
      r.template,
      r.opens,
      r.due,
      r.status.detail ? `${r.status.text}: ${r.status.detail}` : r.status.text,
      r.destination,
    ]),
  );
}

export function registerPortalReturns(
  portal: Command,
  io: Io,
  setExit: (code: number) => void,
): void {
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
    .action(
      async (
        raw: { destination?: string; today?: string; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        const today = raw.today === undefined ? undefined : parseOptions(day('--today'), raw.today);
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, async (s) => {
          let destinationId: number | undefined;
          if (raw.destination !== undefined) {
            destinationId = s.destinations.get(raw.destination).id;
            try {
              const outcome = await portalService(s, io, password, true).sync(raw.destination);
              for (const p of outcome.problems) io.err(`returndesk: warning: ${p}\n`);
            } catch (e) {
              // The schedule kept in the history is still worth showing; say it may be out of date.
              io.err(
                `returndesk: warning: could not sync '${raw.destination}' (${e instanceof Error ? e.message : String(e)}); showing the requests as last synced.\n`,
              );
              setExit(1);
            }
          }
          const now = today ? new Date(`${today}T12:00:00Z`) : new Date();
          const { requests } = requestViews(s, now, { destinationId });
          print(io, raw.json, requests.map(json), () => requestTable(requests));
        });
      },
    );

  const request = portal.command('request').description('Data requests kept here');
  request
    .command('add')
    .description('Add a data request for a portal ReturnDesk cannot reach (or before it is synced)')
    .requiredOption('--period <text>', 'reporting period, e.g. "June 2019"')
    .requiredOption('--template <name>', 'template, e.g. SpecificationCodes')
    .requiredOption('--opens <YYYY-MM-DD>', 'the day the collection opens')
    .requiredOption('--due <YYYY-MM-DD>', 'the day the data is due')
    .option('--destination <name>', 'the destination files for it are uploaded to')
    .option('--json', 'print as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(AddOptions, raw);
      await withStore(cmd, io, (s) => {
        const destinationId = o.destination ? s.destinations.get(o.destination).id : null;
        const r = s.requests.add({ ...o, destinationId });
        const view = requestView(s, new Date(), r.id);
        print(
          io,
          o.json,
          json(view),
          () =>
            `Added request ${r.id}: ${r.template} for ${r.period}, due ${r.due} (${view.status.text}).\n`,
        );
      });
    });
  request
    .command('import')
    .description(
      'Import a reporting schedule (CSV: Reporting period, Template, Opens, Due[, Destination])',
    )
    .argument('<schedule.csv>', 'the schedule')
    .option('--json', 'print as JSON')
    .action(async (path: string, raw: { json?: boolean }, cmd: Command) => {
      const schedule = readSchedule(await readText(path));
      if (!schedule.ok)
        throw new UsageError(`${path} cannot be imported: ${schedule.problems.join(' ')}`);
      await withStore(cmd, io, (s) => {
        const rows = schedule.rows.map((r) => ({
          ...r,
          destinationId: r.destination ? s.destinations.get(r.destination).id : null,
        }));
        const { added, skipped } = s.requests.addMany(rows);
        print(
          io,
          raw.json,
          { added: added.length, skipped },
          () =>
            `Imported ${added.length} request${added.length === 1 ? '' : 's'}${skipped ? `; ${skipped} already known` : ''}.\n`,
        );
      });
    });

  registerPortalFormats(portal, io);

  portal
    .command('upload')
    .description("Check a CSV against its template's file format and upload it for a data request")
    .requiredOption('--request <id>', 'the data request', positiveInt('--request'))
    .argument('<file.csv>', 'the data file')
    .option('--accept-errors', 'upload even if the check finds errors (you know about them)')
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print the receipt as JSON')
    .action(
      async (
        path: string,
        raw: { request: number; acceptErrors?: boolean; passwordStdin?: boolean; json?: boolean },
        cmd: Command,
      ) => {
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, (s) =>
          guarded(async () => {
            const r = s.requests.get(raw.request);
            const check = await checkFileForTemplate(s, r.template, basename(path), path).catch(
              (e: unknown) => {
                throw new UsageError(describeFileError(path, e));
              },
            );
            if (!check.format)
              io.err(
                `returndesk: warning: no file format is attached to ${r.template}, so the file was not checked ('portal format import').\n`,
              );
            else if (!check.valid) {
              for (const f of check.findings.slice(0, 20))
                io.err(
                  `  ${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${f.rule}: ${f.message}\n`,
                );
              if (!raw.acceptErrors)
                throw new RefusedError(
                  `${basename(path)} has ${check.errors} error${check.errors === 1 ? '' : 's'} against the ${r.template} file format; correct it, or give --accept-errors to upload it anyway.`,
                );
            }
            const u = await portalService(s, io, password, raw.json).upload(r.id, {
              fileName: basename(path),
              path,
            });
            print(
              io,
              raw.json,
              { ...receipt(u), request: r.id },
              () =>
                `${u.fileName}: received for ${r.template} (${r.period}), upload ${u.serverUploadId}, SHA-256 ${u.serverSha256} matches. Upload pending verification.\n`,
            );
          }),
        );
      },
    );
  portal
    .command('nil-return')
    .description('Record "No data to submit" for a data request')
    .requiredOption('--request <id>', 'the data request', positiveInt('--request'))
    .option('--password-stdin', 'use this password instead of the stored one')
    .option('--json', 'print as JSON')
    .action(
      async (raw: { request: number; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
        const password = raw.passwordStdin ? await readSecretFromStdin(io, 'password') : undefined;
        await withStore(cmd, io, (s) =>
          guarded(async () => {
            const r = await portalService(s, io, password, true).nilReturn(raw.request);
            const view = requestView(s, new Date(), r.id);
            print(
              io,
              raw.json,
              json(view),
              () =>
                `No data to submit: recorded for ${r.template} (${r.period}) by ${r.nilReturn?.by ?? ''}. Status: ${view.status.text}.\n`,
            );
          }),
        );
      },
    );
}
