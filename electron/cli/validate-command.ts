import { basename } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  AmendmentFileValidator,
  checkAdditionSets,
  reportCsv,
  reportJson,
  reportText,
} from '../../shared/amd';
import type { CalendarDate, FileReport } from '../../shared/amd';
import type { IlrCatalogue } from '../../shared/ilr/catalogue';
import { catalogueFor, catalogueYears } from '../../shared/ilr/catalogue';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { calendarDateIn } from '../../shared/dates';
import { streamText } from '../files/text';
import { EXIT, UsageError, describeFileError } from './output';
import type { Io } from './output';

const Options = z.object({
  json: z.boolean().optional(),
  year: z.string().optional(),
  report: z.string().optional(),
});

export function catalogueOption(year: string | undefined) {
  if (year === undefined) return undefined;
  const cat = catalogueFor(year);
  if (!cat)
    throw new UsageError(
      `There is no ILR catalogue for --year ${year}; available: ${catalogueYears().join(', ')}.`,
    );
  return cat;
}

export async function validateFiles(
  files: string[],
  raw: unknown,
  io: Io,
  now = new Date(),
): Promise<number> {
  const opts = Options.parse(raw);
  const catalogue = catalogueOption(opts.year);
  const today = calendarDateIn(now);
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const path of files) {
    try {
      reports.push(await checkFile(path, { catalogue, today }));
    } catch (e) {
      unreadable = true;
      io.err(`${describeFileError(path, e)}\n`);
    }
  }
  checkAdditionSets(reports);
  if (opts.json) io.out(JSON.stringify(reportJson(reports)) + '\n');
  else io.out(reportText(reports));
  if (opts.report) {
    try {
      await writeFile(opts.report, reportCsv(reports));
    } catch (e) {
      throw new UsageError(describeFileError(opts.report, e));
    }
  }
  if (unreadable) return EXIT.usage;
  return reports.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
}

/** A streaming check of one file: text in, in order, then the report. */
interface FileCheck {
  write(chunk: string): void;
  end(): FileReport;
}

/** The checker goes by extension: .xml (any case) is an ILR XML file, anything else .amd. */
async function checkFile(
  path: string,
  o: { catalogue: IlrCatalogue | undefined; today: CalendarDate },
): Promise<FileReport> {
  const fileName = basename(path);
  const xml = /\.xml$/i.test(fileName);
  let check: FileCheck | undefined;
  let opened = 0;
  await streamText(path, () => {
    // streamText opens a second sink only when the bytes are not UTF-8 and it starts over as
    // Windows-1252; the XML checker compares that with the encoding the file declares.
    const bytes = opened++ === 0 ? 'utf-8' : 'windows-1252';
    check = xml
      ? new IlrXmlChecker({ fileName, today: o.today, bytes })
      : new AmendmentFileValidator({ fileName, catalogue: o.catalogue, today: o.today });
    return check;
  });
  if (!check) throw new Error(`${path} was not read`);
  return check.end();
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
    .action(async (files: string[], options: unknown) =>
      setExit(await validateFiles(files, options, io)),
    );
}
