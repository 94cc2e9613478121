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
import type { FileReport } from '../../shared/amd';
import { catalogueFor, catalogueYears } from '../../shared/ilr/catalogue';
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
    let validator: AmendmentFileValidator | undefined;
    try {
      await streamText(path, () => {
        validator = new AmendmentFileValidator({ fileName: basename(path), catalogue, today });
        return validator;
      });
      if (validator) reports.push(validator.end());
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

export function registerValidate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description("Check amendment files against every rule in HEFCE's guide")
    .argument('<files...>', 'amendment files (.amd)')
    .option('--json', 'print the report as JSON')
    .option(
      '--year <year>',
      `also check field codes against an ILR year's catalogue (${catalogueYears().join(', ')})`,
    )
    .option('--report <file.csv>', 'also write the findings to a CSV file')
    .action(async (files: string[], options: unknown) =>
      setExit(await validateFiles(files, options, io)),
    );
}
