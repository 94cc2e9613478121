// `returndesk validate`: a door onto files.check, which streams each file through its checker.
// It stays light: no history, vault or network is opened or loaded (a session without the history), so checking a
// small file costs little more than starting Node.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportCsv, reportJson, reportText } from '../../shared/amd';
import type { FileReport } from '../../shared/amd';
import { catalogueYears } from '../../shared/ilr/catalogue';
import type { FileBytes } from '../../shared/ipc/common';
import { EXIT, UsageError, describeFileError } from './output';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { fileInput } from './file-source';

interface ValidateFlags {
  json?: boolean;
  year?: string;
  report?: string;
}

export async function validateFiles(
  cmd: Command,
  paths: string[],
  o: ValidateFlags,
  io: Io,
): Promise<number> {
  checkInput('files.check', { files: [{ fileName: 'x' }], year: o.year });
  // A file that cannot be found or read is named on its own line; the others are still checked.
  const files: FileBytes[] = [];
  let unreadable = false;
  for (const path of paths) {
    try {
      files.push(await fileInput(path));
    } catch (e) {
      unreadable = true;
      io.err(`${e instanceof UsageError ? e.message : describeFileError(path, e)}\n`);
    }
  }
  const reports: FileReport[] =
    files.length > 0
      ? await perform(
          cmd,
          io,
          'files.check',
          { files, year: o.year },
          {},
          // Checked in this process: a worker would slow the start, and a file that fails the
          // check can end only this command.
          { history: false, readFilesInProcess: true },
        )
      : [];
  io.out(o.json ? `${JSON.stringify(reportJson(reports))}\n` : reportText(reports));
  if (o.report) {
    try {
      await writeFile(o.report, reportCsv(reports));
    } catch (e) {
      throw new UsageError(describeFileError(o.report, e));
    }
  }
  if (unreadable) return EXIT.usage;
  return reports.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
}

export function registerValidate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description(
      "Check amendment files against every rule in HEFCE's guide: .amd files (2010-11 and earlier) and ILR 2011-12 XML files",
    )
    .argument('<files...>', 'amendment files: .amd, or ILR 2011-12 .XML files (any case)')
    .option('--json', 'print the report as JSON')
    .option(
      '--year <year>',
      `also check .amd field codes against an ILR year's catalogue (${catalogueYears().join(', ')})`,
    )
    .option('--report <file.csv>', 'also write the findings to a CSV file')
    .action(async (files: string[], o: ValidateFlags, cmd: Command) =>
      setExit(await validateFiles(cmd, files, o, io)),
    );
}
