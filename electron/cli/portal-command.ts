// `returndesk portal check`: a data CSV against the regulator's published file format, streamed
// row by row in a worker thread whose expressions are timed (electron/portal/check-csv.ts), so
// a large file is checked in constant memory, and a bad expression cannot hang the command.
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { Command } from 'commander';
import { parseFileFormat } from '../../shared/portal/file-format';
import type { CsvReport } from '../../shared/portal/csv-check';
import { DEFAULT_TIME_LIMIT_MS, checkCsvFile } from '../portal/check-csv';
import { readTextFile } from '../files/text';
import { EXIT, UsageError, describeFileError } from './output';
import { registerPortalReturns } from './portal-requests-command';
import type { Io } from './output';

async function readSpec(path: string) {
  let text: string;
  try {
    text = (await readTextFile(path)).text.replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UsageError(describeFileError(path, e));
  }
  const rows = Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
  }).data;
  const spec = parseFileFormat(rows);
  if (!spec.ok)
    throw new UsageError(`${path} cannot be used as a file format: ${spec.problems.join(' ')}`);
  return spec.format;
}

export function registerPortal(program: Command, io: Io, setExit: (code: number) => void): void {
  const portal = program.command('portal').description('Data portal returns');
  portal
    .command('check')
    .description("Check a data CSV against the regulator's published file format")
    .requiredOption(
      '--format <spec.csv>',
      'the file-format specification (Name, Description, Position, Validation Regular Expression)',
    )
    .argument('<data.csv>', 'the data file')
    .option('--json', 'print the report as JSON')
    .option(
      '--time-limit <seconds>',
      "how long one value may take against its column's expression before the check stops",
      String(DEFAULT_TIME_LIMIT_MS / 1000),
    )
    .action(async (data: string, raw: { format: string; json?: boolean; timeLimit: string }) => {
      const seconds = Number(raw.timeLimit);
      if (!(seconds > 0 && seconds <= 3600))
        throw new UsageError(
          `--time-limit must be a number of seconds above 0 and at most 3600, not '${raw.timeLimit}'.`,
        );
      const format = await readSpec(raw.format);
      let report: CsvReport;
      try {
        report = await checkCsvFile(format, data, { timeLimitMs: seconds * 1000 });
      } catch (e) {
        throw new UsageError(describeFileError(data, e));
      }
      const out = {
        file: basename(data),
        valid: report.valid,
        rows: report.rows,
        findings: report.findings,
      };
      if (raw.json) io.out(`${JSON.stringify(out)}\n`);
      else {
        io.out(
          `${out.file}: ${out.valid ? 'valid' : 'NOT VALID'} - ${out.rows} data row${out.rows === 1 ? '' : 's'}, ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'}\n`,
        );
        for (const f of out.findings)
          io.out(`  ${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${f.rule}: ${f.message}\n`);
      }
      setExit(out.valid ? EXIT.ok : EXIT.invalid);
    });
  registerPortalReturns(portal, io, setExit);
}
