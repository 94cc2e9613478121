// Preparing a build: options checked, the extract read and planned; then building for one NN.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { buildAndCheck, parseDdMmYyyy, planFromExtract, reportText } from '../../shared/amd';
import type {
  AdditionType,
  AmendmentFileSpec,
  CalendarDate,
  CheckedBuild,
  DataSet,
  ExtractPlan,
} from '../../shared/amd';
import type { IlrCatalogue } from '../../shared/ilr/catalogue';
import { calendarDateIn } from '../../shared/dates';
import { isUpin } from '../../shared/domain';
import { readExtract, ExtractError } from '../files/extract';
import { encodeWindows1252 } from '../files/text';
import { catalogueOption } from './validate-command';
import { RefusedError, UsageError, describeFileError } from './output';
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
      .refine(isUpin, '--provider must be the six-digit UPIN, leading zeros included (e.g. 012345)')
      .optional(),
    seq: z
      .string()
      .regex(/^(0?[1-9]|[1-9]\d)$/, '--seq must be a sequence number from 01 to 99')
      .optional(),
    date: z.string().optional(),
    description: z.string().trim().min(1, '--description must not be empty').optional(),
    notes: z
      .array(z.string())
      .max(2, '--notes can be given at most twice (header lines 10 and 11)')
      .optional(),
    keys: fieldList.optional(),
    changed: fieldList.optional(),
    checksumField: z.string().min(1),
    from: z.string().min(1),
    out: z.string().min(1).optional(),
    year: z.string().optional(),
    planRow: z
      .string()
      .regex(/^\d+:\d+$/, '--plan-row must be PLAN_ID:REF, e.g. 3:1')
      .optional(),
    json: z.boolean().optional(),
  })
  .superRefine((o, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (o.kind === 'add' && !o.additionType)
      issue('an addition file needs --addition-type 1, 2 or 3');
    if (o.kind !== 'add' && o.additionType) issue('--addition-type is only for --kind add');
    if (o.kind === 'change' && !o.changed?.length)
      issue('a change file needs --changed with the fields being corrected');
    if (o.kind !== 'change' && o.changed?.length) issue('--changed is only for --kind change');
    if (o.kind === 'add' && o.keys?.length)
      issue('--keys is not used for addition files (line 5 stays blank)');
    if (!o.planRow) {
      // Without the history there is nothing to take the provider, NN or description from.
      if (!o.provider)
        issue('--provider is required (or build against the history with --plan-row)');
      if (!o.seq) issue('--seq is required (or let the history assign it with --plan-row)');
      if (!o.out) issue('--out is required (or store the file in the history with --plan-row)');
      if (!o.description)
        issue('--description is required (or take it from the action plan with --plan-row)');
    }
  });

export type BuildOptions = z.infer<typeof Options>;

/** Everything a build needs once the sequence number is known. */
export interface PreparedBuild {
  o: BuildOptions;
  date: CalendarDate;
  plan: ExtractPlan;
  catalogue: IlrCatalogue | undefined;
  kind: AmendmentFileSpec['kind'];
  dataSet: DataSet;
  additionType: AdditionType | undefined;
  now: Date;
}

export async function prepareBuild(raw: unknown, now: Date): Promise<PreparedBuild> {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  const date = o.date === undefined ? calendarDateIn(now) : parseDdMmYyyy(o.date);
  if (!date)
    throw new UsageError(`--date ${o.date} is not a real date in ddmmyyyy form (e.g. 14032011).`);
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
  return { o, date, plan: planned.plan, catalogue, kind, dataSet, additionType, now };
}

/** Builds and checks the file for one NN; refuses (nothing written) if it would not be valid. */
export function buildFor(
  p: PreparedBuild,
  provider: string,
  seq: number,
  description: string,
): { built: Extract<CheckedBuild, { ok: true }>; bytes: Buffer; sha256: string } {
  const spec: AmendmentFileSpec = {
    kind: p.kind,
    dataSet: p.dataSet,
    additionType: p.additionType,
    provider,
    seq,
    createdOn: p.date,
    description,
    notes: (p.o.notes ?? []) as [string, string],
    fields: p.plan.fields,
    uniqueFields: p.plan.uniqueFields,
    changedFields: p.plan.changedFields,
    checksumField: p.plan.checksum.field,
    records: p.plan.records,
  };
  const built = buildAndCheck(spec, { catalogue: p.catalogue, today: calendarDateIn(p.now) });
  if (!built.ok)
    throw new RefusedError(
      'The file was not written because it would not be valid:',
      built.problems,
    );
  const bytes = encodeWindows1252(built.file.text);
  return { built, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function reportBuild(
  io: Io,
  p: PreparedBuild,
  result: Record<string, unknown> & {
    name: string;
    records: number;
    checksum: string;
    sha256: string;
  },
  where: string,
  warnings: Extract<CheckedBuild, { ok: true }>['report'],
): void {
  if (p.o.json) {
    io.out(
      JSON.stringify({
        ...result,
        checksumField: p.plan.checksum.field,
        checksumReason: p.plan.checksum.reason,
        checksumAdded: p.plan.checksum.added,
        ignoredColumns: p.plan.ignoredColumns,
        encoding: 'windows-1252',
        findings: warnings.findings,
      }) + '\n',
    );
    return;
  }
  io.out(
    `Built ${result.name}: ${result.records} record${result.records === 1 ? '' : 's'}, checksum ${p.plan.checksum.field} = ${result.checksum}.\n`,
  );
  io.out(`  Checksum field: ${p.plan.checksum.reason}\n`);
  if (p.plan.ignoredColumns.length)
    io.out(`  Extract columns not in the file: ${p.plan.ignoredColumns.join(', ')}\n`);
  io.out(`  ${where} (Windows-1252, CRLF; SHA-256 ${result.sha256}).\n`);
  if (warnings.warnings > 0) io.out(reportText([warnings]));
}
