// `returndesk portal format import --template NAME SPEC.csv` and `portal formats`: the
// regulator's published file formats attached to templates, kept in the history as imported.
import type { Command } from 'commander';
import { print, table } from './session';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { fileInput } from './file-source';

export function registerPortalFormats(portal: Command, io: Io): void {
  const format = portal.command('format').description("The regulator's published file formats");
  format
    .command('import')
    .description('Attach a published file-format CSV to a template')
    .requiredOption('--template <name>', 'the template it describes')
    .argument(
      '<spec.csv>',
      'the file format (Name, Description, Position, Validation Regular Expression)',
    )
    .option('--json', 'print as JSON')
    .action(async (path: string, o: { template: string; json?: boolean }, cmd: Command) => {
      const flags = { fileName: path, source: path };
      checkInput('portal.importFormat', { template: o.template, fileName: 'x' }, flags);
      const input = { template: o.template, ...(await fileInput(path)) };
      const f = await perform(cmd, io, 'portal.importFormat', input, flags);
      // A format is found by its template's name: one no request uses is likely a typo.
      const { requests } = await perform(cmd, io, 'portal.requests', undefined);
      const templates = [...new Set(requests.map((r) => r.template))].sort();
      if (!templates.some((t) => t.toLowerCase() === f.template.trim().toLowerCase()))
        io.err(
          `returndesk: warning: no data request has the template ${f.template}, so no file is checked against this format until one does (${templates.length ? `the requests' templates: ${templates.join(', ')}` : 'there are no data requests yet'}).\n`,
        );
      print(
        io,
        o.json,
        f,
        () =>
          `${f.template}: file format ${f.sourceName} (${f.columns.length} columns) attached.\n`,
      );
    });
  portal
    .command('formats')
    .description('List the file formats attached to templates')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'portal.formats', undefined);
      print(io, o.json, list, () =>
        list.length
          ? table(
              ['Template', 'File format', 'Columns', 'Imported'],
              list.map((f) => [f.template, f.sourceName, f.columns.length, f.importedAt]),
            )
          : 'No file formats yet.\n',
      );
    });
}
