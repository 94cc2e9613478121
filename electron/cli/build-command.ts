import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from './output';
import type { Io } from './output';
import { writeOnce } from './write-once';
import { buildIntoHistory } from './build-history';
import { buildFor, prepareBuild, reportBuild } from './build-prepare';

export async function buildCommand(
  raw: unknown,
  io: Io,
  cmd: Command,
  now = new Date(),
): Promise<number> {
  const p = await prepareBuild(raw, now);
  if (p.o.planRow) return buildIntoHistory(p, io, cmd);
  const { o } = p;
  const { built, bytes, sha256 } = buildFor(
    p,
    o.provider ?? '',
    Number(o.seq),
    o.description ?? '',
  );
  const path = join(o.out ?? '.', built.file.name);
  await writeOnce(path, bytes, sha256);
  reportBuild(
    io,
    p,
    {
      name: built.file.name,
      path,
      seq: Number(o.seq),
      sha256,
      records: built.file.records,
      checksum: built.file.checksum,
    },
    `Written to ${path}`,
    built.report,
  );
  return EXIT.ok;
}

export function registerBuild(program: Command, io: Io, setExit: (code: number) => void): void {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command('build')
    .description('Build a change, addition or deletion file from an MIS extract (CSV)')
    .requiredOption('--kind <kind>', 'change, add or delete')
    .requiredOption('--dataset <D>', 'L (learner), A (learning aim) or H (HE)')
    .option(
      '--addition-type <T>',
      'for additions: 3 learners with aims and HE data, 2 aims and HE data, 1 HE data',
    )
    .option(
      '--provider <UPIN>',
      'six-digit UPIN, leading zeros included (from the plan with --plan-row)',
    )
    .option('--seq <NN>', 'sequence number 01-99 (assigned from the history with --plan-row)')
    .option('--date <ddmmyyyy>', 'creation date (default: today in England)')
    .option('--description <text>', 'line 3: the correction and its action plan reference number')
    .option('--notes <text>', 'a notes line (lines 10 and 11; give twice for both)', collect)
    .option('--keys <fields>', 'unique fields, comma separated (default: the recommended keys)')
    .option('--changed <fields>', 'fields being corrected (change files)')
    .requiredOption(
      '--checksum-field <field>',
      "checksum field, or 'auto' to choose as HEFCE's guide describes",
    )
    .requiredOption('--from <extract.csv>', 'CSV export of the MIS; first row = ILR field codes')
    .option('--out <dir>', 'folder to write the file into')
    .option('--year <year>', 'also check against an ILR year catalogue, e.g. 2010-11')
    .option(
      '--plan-row <PLAN_ID:REF>',
      'build against an approved action plan row and store the file as final in the history',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: unknown, cmd: Command) =>
      setExit(await buildCommand(options, io, cmd)),
    );
}
