// `returndesk portal format import --template NAME SPEC.csv` and `portal formats`: the
// regulator's published file formats attached to templates, kept in the history as imported.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { readFileFormat } from '../files/file-format';
import { formatView } from '../operations/portal-views';
import { print, table, withStore } from './session';
import { UsageError, describeFileError } from './output';
import type { Io } from './output';
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../files/text';

export async function readText(path: string): Promise<string> {
  try {
    return decodeBytes(await readFile(path)).text;
  } catch (e) {
    throw new UsageError(describeFileError(path, e));
  }
}

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
    .action(async (path: string, raw: { template: string; json?: boolean }, cmd: Command) => {
      const text = await readText(path);
      const spec = readFileFormat(text);
      if (!spec.ok)
        throw new UsageError(`${path} cannot be used as a file format: ${spec.problems.join(' ')}`);
      await withStore(cmd, io, (s) => {
        const f = s.formats.import({
          template: raw.template,
          sourceName: basename(path),
          specCsv: text,
          columns: spec.format.columns.map((c) => c.name),
        });
        print(
          io,
          raw.json,
          formatView(f),
          () =>
            `${f.template}: file format ${f.sourceName} (${f.columns.length} columns) attached.\n`,
        );
      });
    });
  portal
    .command('formats')
    .description('List the file formats attached to templates')
    .option('--json', 'print as JSON')
    .action(async (raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const list = s.formats.list().map(formatView);
        print(io, raw.json, list, () =>
          list.length
            ? table(
                ['Template', 'File format', 'Columns', 'Imported'],
                list.map((f) => [f.template, f.sourceName, f.columns.length, f.importedAt]),
              )
            : 'No file formats yet.\n',
        );
      });
    });
}
