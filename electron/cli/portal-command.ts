// `returndesk portal check`: a data CSV against the regulator's published file format, streamed
// row by row (papaparse's step mode over text decoded in order), so a large file is checked in
// constant memory before it is uploaded.
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { Command } from 'commander';
import { parseFileFormat } from '../../shared/portal/file-format';
import { CsvChecker } from '../../shared/portal/csv-check';
import type { CsvReport } from '../../shared/portal/csv-check';
import { readTextFile, streamText } from '../files/text';
import { EXIT, UsageError, describeFileError } from './output';
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

/** Streams the data file through the checker; restarts as Windows-1252 if it is not UTF-8. */
export async function checkDataFile(path: string, checker: () => CsvChecker): Promise<CsvReport> {
  let current = checker();
  const encoding = await streamText(path, () => {
    current = checker();
    // papaparse's own streaming splits characters across chunks, so lines are cut here instead.
    let carry = '';
    return {
      write(chunk: string) {
        const text = carry + chunk;
        const cut = text.lastIndexOf('\n');
        if (cut < 0) {
          carry = text;
          return;
        }
        carry = text.slice(cut + 1);
        feed(current, text.slice(0, cut + 1));
      },
      flush() {
        if (carry !== '') feed(current, carry);
      },
    };
  });
  if (encoding === 'windows-1252')
    current.encoding(
      'The file is not UTF-8 (it reads as Windows-1252, as Excel saves "CSV" files).',
    );
  return current.end();
}

function feed(checker: CsvChecker, text: string): void {
  // Whole lines only: a quoted value with a line break inside would be split, which the
  // regulator's formats do not allow anyway (it is reported as a wrong column count).
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    delimiter: ',',
    step: (r) => checker.row(r.data),
  });
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
    .action(async (data: string, raw: { format: string; json?: boolean }) => {
      const format = await readSpec(raw.format);
      let report: CsvReport;
      try {
        report = await checkDataFile(data, () => new CsvChecker(format));
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
}
