import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { buildAndCheck, parseDdMmYyyy, planFromExtract, reportText } from '../../shared/amd';
import type { AdditionType, AmendmentFileSpec, CalendarDate, DataSet } from '../../shared/amd';
import { calendarDateIn } from '../../shared/dates';
import { readExtract, ExtractError } from '../files/extract';
import { encodeWindows1252 } from '../files/text';
import { catalogueOption } from './validate-command';
import { EXIT, RefusedError, UsageError, describeFileError } from './output';
import type { Io } from './output';

const fieldList = z.string().transform((s) =>
  s
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== ''),
);

const Options = z
  .object({
    kind: z.enum(['change', 'add', 'delete'], { message: '--kind must be change, add or delete' }),
    dataset: z.enum(['L', 'A', 'H'], { message: '--dataset must be L, A or H' }),
    additionType: z
      .enum(['1', '2', '3'], { message: '--addition-type must be 1, 2 or 3' })
      .optional(),
    provider: z
      .string()
      .regex(
        /^\d{6}$/,
        '--provider must be the six-digit UPIN, leading zeros included (e.g. 012345)',
      ),
    seq: z.string().regex(/^(0?[1-9]|[1-9]\d)$/, '--seq must be a sequence number from 01 to 99'),
    date: z.string().optional(),
    description: z.string().min(1, '--description must not be empty'),
    notes: z
      .array(z.string())
      .max(2, '--notes can be given at most twice (header lines 10 and 11)')
      .optional(),
    keys: fieldList.optional(),
    changed: fieldList.optional(),
    checksumField: z.string().min(1),
    from: z.string().min(1),
    out: z.string().min(1),
    year: z.string().optional(),
    json: z.boolean().optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'add' && !o.additionType)
      ctx.addIssue({ code: 'custom', message: 'an addition file needs --addition-type 1, 2 or 3' });
    if (o.kind !== 'add' && o.additionType)
      ctx.addIssue({ code: 'custom', message: '--addition-type is only for --kind add' });
    if (o.kind === 'change' && !o.changed?.length)
      ctx.addIssue({
        code: 'custom',
        message: 'a change file needs --changed with the fields being corrected',
      });
    if (o.kind !== 'change' && o.changed?.length)
      ctx.addIssue({ code: 'custom', message: '--changed is only for --kind change' });
    if (o.kind === 'add' && o.keys?.length)
      ctx.addIssue({
        code: 'custom',
        message: '--keys is not used for addition files (line 5 stays blank)',
      });
  });

export type BuildOptions = z.infer<typeof Options>;

export function parseBuildOptions(
  raw: unknown,
  now: Date,
): { o: BuildOptions; date: CalendarDate } {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  const date = o.date === undefined ? calendarDateIn(now) : parseDdMmYyyy(o.date);
  if (!date)
    throw new UsageError(`--date ${o.date} is not a real date in ddmmyyyy form (e.g. 14032011).`);
  return { o, date };
}

export async function buildCommand(raw: unknown, io: Io, now = new Date()): Promise<number> {
  const { o, date } = parseBuildOptions(raw, now);
  const catalogue = catalogueOption(o.year);
  let extract;
  try {
    extract = await readExtract(o.from);
  } catch (e) {
    throw new UsageError(e instanceof ExtractError ? e.message : describeFileError(o.from, e));
  }
  const kind = ({ change: 'CHANGE', add: 'ADD', delete: 'DELETE' } as const)[o.kind];
  const dataSet = o.dataset as DataSet;
  const additionType = o.additionType ? (Number(o.additionType) as AdditionType) : undefined;
  const planned = planFromExtract(extract, {
    kind,
    dataSet,
    additionType,
    keys: o.keys,
    changed: o.changed,
    checksumField: o.checksumField,
  });
  if (!planned.ok) throw new RefusedError(planned.message);
  const { plan } = planned;
  const spec: AmendmentFileSpec = {
    kind,
    dataSet,
    additionType,
    provider: o.provider,
    seq: Number(o.seq),
    createdOn: date,
    description: o.description,
    notes: (o.notes ?? []) as [string, string],
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    records: plan.records,
  };
  const built = buildAndCheck(spec, { catalogue, today: calendarDateIn(now) });
  if (!built.ok)
    throw new RefusedError(
      'The file was not written because it would not be valid:',
      built.problems,
    );
  const bytes = encodeWindows1252(built.file.text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(o.out, built.file.name);
  await writeOnce(path, bytes, sha256);
  const result = {
    name: built.file.name,
    path,
    seq: spec.seq,
    sha256,
    records: built.file.records,
    checksumField: plan.checksum.field,
    checksum: built.file.checksum,
    checksumReason: plan.checksum.reason,
    checksumAdded: plan.checksum.added,
    ignoredColumns: plan.ignoredColumns,
    encoding: 'windows-1252',
    findings: built.report.findings,
  };
  if (o.json) io.out(JSON.stringify(result) + '\n');
  else {
    io.out(
      `Built ${result.name}: ${result.records} record${result.records === 1 ? '' : 's'}, checksum ${result.checksumField} = ${result.checksum}.\n`,
    );
    io.out(`  Checksum field: ${result.checksumReason}\n`);
    if (result.ignoredColumns.length)
      io.out(`  Extract columns not in the file: ${result.ignoredColumns.join(', ')}\n`);
    io.out(`  Written to ${path} (Windows-1252, CRLF; SHA-256 ${sha256}).\n`);
    if (built.report.warnings > 0) io.out(reportText([built.report]));
  }
  return EXIT.ok;
}

/**
 * Writes through a temporary name and renames, so a crash never leaves half a file; an existing
 * file with other content is never replaced, because a sequence number is never reused.
 */
async function writeOnce(path: string, bytes: Buffer, sha256: string): Promise<void> {
  try {
    const existing = await readFile(path);
    if (createHash('sha256').update(existing).digest('hex') === sha256) return;
    throw new RefusedError(
      `${path} already exists with other content. A sequence number is never reused: build with the next --seq, or move the old file away if it was never sent.`,
    );
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(describeFileError(path, e));
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(join(path, '..'), { recursive: true });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new UsageError(describeFileError(path, e));
  }
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
    .requiredOption('--provider <UPIN>', 'six-digit UPIN, leading zeros included')
    .requiredOption('--seq <NN>', 'sequence number 01-99')
    .option('--date <ddmmyyyy>', 'creation date (default: today in England)')
    .requiredOption(
      '--description <text>',
      'line 3: the correction and its action plan reference number',
    )
    .option('--notes <text>', 'a notes line (lines 10 and 11; give twice for both)', collect)
    .option('--keys <fields>', 'unique fields, comma separated (default: the recommended keys)')
    .option('--changed <fields>', 'fields being corrected (change files)')
    .requiredOption(
      '--checksum-field <field>',
      "checksum field, or 'auto' to choose as HEFCE's guide describes",
    )
    .requiredOption('--from <extract.csv>', 'CSV export of the MIS; first row = ILR field codes')
    .requiredOption('--out <dir>', 'folder to write the file into')
    .option('--year <year>', 'also check against an ILR year catalogue, e.g. 2010-11')
    .option('--json', 'print the result as JSON')
    .action(async (options: unknown) => setExit(await buildCommand(options, io)));
}
