// `returndesk portal check`: a data CSV against a file-format specification named on the command
// line (not one imported), both streamed from disk to the operation, which checks the data row by
// row in a worker whose expressions are timed: a large file is checked in constant memory, and a
// bad expression cannot hang the command. The command opens no history and loads neither the
// vault nor the upload code; the other portal commands are registered from their own files.
import type { Command } from 'commander';
import { DEFAULT_CHECK_TIME_LIMIT_MS, DEFAULT_TIME_LIMIT_MS } from '../../shared/portal/csv-check';
import { EXIT } from './output';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { fileInput } from './file-source';
import { print } from './session';
import { findingLine } from './portal-text';
import { registerPortalReturns } from './portal-requests-command';

interface CheckFlags {
  format: string;
  json?: boolean;
  timeLimit: string;
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
      `how long the whole check may take before it stops and reports what it found so far; one value may keep its column's expression running for at most ${DEFAULT_TIME_LIMIT_MS / 1000} of them`,
      String(DEFAULT_CHECK_TIME_LIMIT_MS / 1000),
    )
    .action(async (data: string, o: CheckFlags, cmd: Command) => {
      const flags = {
        'format.fileName': '--format',
        'format.source': '--format',
        'file.fileName': data,
        'file.source': data,
      };
      const timeLimit = Number(o.timeLimit);
      // The time limit is checked before either file is opened.
      checkInput(
        'portal.checkFile',
        { format: { fileName: 'x' }, file: { fileName: 'x' }, timeLimit },
        flags,
      );
      const input = { format: await fileInput(o.format), file: await fileInput(data), timeLimit };
      const report = await perform(cmd, io, 'portal.checkFile', input, flags, { history: false });
      const { file, valid, rows, findings } = report;
      print(
        io,
        o.json,
        { file, valid, rows, findings },
        () =>
          `${file}: ${valid ? 'valid' : 'NOT VALID'} - ${rows} data row${rows === 1 ? '' : 's'}, ${findings.length} finding${findings.length === 1 ? '' : 's'}\n` +
          findings.map(findingLine).join(''),
      );
      setExit(valid ? EXIT.ok : EXIT.invalid);
    });
  registerPortalReturns(portal, io, setExit);
}
