// `returndesk build`: a door onto files.build. The flags become the operation's input, the
// extract is handed over as a file streamed from disk, and the built file comes back to be written
// into --out (never over a different file of the same name: see write-once.ts). Against a plan row
// (--plan-row) the history gives the NN and keeps the file as final; without one, nothing of the
// history is opened.
import { join } from 'node:path';
import type { Command } from 'commander';
import { reportText } from '../../shared/amd';
import type { Input } from '../../shared/ipc/contract';
import type { BuiltAmendmentFile } from '../../shared/ipc/files';
import { UsageError } from './output';
import type { Io } from './output';
import { checkInput, perform } from './door';
import { fileInput } from './file-source';
import { print } from './session';
import { writeOnce } from './write-once';

interface BuildFlags {
  kind: string;
  dataset: string;
  additionType?: string;
  provider?: string;
  seq?: number;
  date?: string;
  description?: string;
  notes?: string[];
  keys?: string;
  changed?: string;
  checksumField: string;
  from: string;
  returned?: string;
  out?: string;
  year?: string;
  planRow?: { planId: number; ref: number };
  reason?: string;
  json?: boolean;
}

/** The flag behind each input field the contract may name in a message. */
const FLAGS = {
  dataSet: '--dataset',
  upin: '--provider',
  createdOn: '--date',
  planId: '--plan-row',
  ref: '--plan-row',
  fileName: '--from',
  source: '--from',
  returned: '--returned',
  reason: '--reason',
};

const KINDS: Readonly<Record<string, 'CHANGE' | 'ADD' | 'DELETE'>> = {
  change: 'CHANGE',
  add: 'ADD',
  delete: 'DELETE',
};

function sequenceNumber(v: string): number {
  if (!/^(0?[1-9]|[1-9]\d)$/.test(v))
    throw new UsageError(`--seq must be a sequence number from 01 to 99 (got '${v}').`);
  return Number(v);
}

function planRow(v: string): { planId: number; ref: number } {
  const m = /^(\d+):(\d+)$/.exec(v);
  if (!m) throw new UsageError(`--plan-row must be PLAN_ID:REF, e.g. 3:1 (got '${v}').`);
  return { planId: Number(m[1]), ref: Number(m[2]) };
}

const fieldList = (v: string | undefined) =>
  v
    ?.split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');

/** `--changed auto` (the default with --returned): the fields that differ from the data as returned. */
function changedFields(o: BuildFlags): string[] | undefined {
  if (o.changed?.trim() !== 'auto') return fieldList(o.changed);
  if (!o.returned)
    throw new UsageError('--changed auto needs the data as returned: give --returned.');
  return undefined;
}

function inputOf(o: BuildFlags): Omit<Input<'files.build'>, 'fileName'> {
  const kind = KINDS[o.kind];
  if (!kind) throw new UsageError('--kind must be change, add or delete.');
  return {
    kind,
    // Checked against the contract's L, A or H before anything runs.
    dataSet: o.dataset as 'L',
    additionType: o.additionType === undefined ? undefined : (Number(o.additionType) as 1),
    checksumField: o.checksumField,
    keys: fieldList(o.keys),
    changed: changedFields(o),
    createdOn: o.date,
    description: o.description,
    notes: o.notes,
    year: o.year,
    planId: o.planRow?.planId,
    ref: o.planRow?.ref,
    upin: o.provider,
    seq: o.seq,
    reason: o.reason,
  };
}

function builtText(b: BuiltAmendmentFile, where: string): string {
  const lines = [
    `Built ${b.name}: ${b.records} record${b.records === 1 ? '' : 's'}, checksum ${b.checksumField} = ${b.checksum}.\n`,
    `  Checksum field: ${b.checksumReason}\n`,
    b.ignoredColumns.length
      ? `  Extract columns not in the file: ${b.ignoredColumns.join(', ')}\n`
      : '',
    b.computedFrom
      ? `  Records worked out from ${b.computedFrom.returned.name} (as returned, SHA-256 ${b.computedFrom.returned.sha256}) and ${b.computedFrom.corrected.name} (as corrected, SHA-256 ${b.computedFrom.corrected.sha256}).\n`
      : '',
    `  ${where} (Windows-1252, CRLF; SHA-256 ${b.sha256}).\n`,
    b.report.warnings > 0 ? reportText([b.report]) : '',
  ];
  return lines.join('');
}

export async function buildCommand(o: BuildFlags, io: Io, cmd: Command): Promise<void> {
  const input = inputOf(o);
  const named = (fileName: string) => (o.returned === undefined ? undefined : { fileName });
  checkInput('files.build', { ...input, fileName: 'extract', returned: named('returned') }, FLAGS);
  if (!o.planRow && !o.out)
    throw new UsageError('--out is required (or store the file in the history with --plan-row).');
  const extract = await fileInput(o.from);
  const returned = o.returned === undefined ? undefined : await fileInput(o.returned);
  const b = await perform(cmd, io, 'files.build', { ...input, ...extract, returned }, FLAGS, {
    history: o.planRow !== undefined,
  });
  let path: string | undefined;
  if (o.out) {
    path = join(o.out, b.name);
    await writeOnce(path, Buffer.from(b.base64, 'base64'), b.sha256);
  }
  const { stored } = b;
  const where = stored
    ? `Stored in the history as final (plan ${stored.planId}, row ${stored.planRef})${path ? `; a copy written to ${path}` : ''}`
    : `Written to ${path}`;
  const json = {
    name: b.name,
    path,
    seq: b.seq,
    sha256: b.sha256,
    records: b.records,
    checksum: b.checksum,
    ...(stored ? { status: stored.status, planId: stored.planId, planRef: stored.planRef } : {}),
    checksumField: b.checksumField,
    checksumReason: b.checksumReason,
    checksumAdded: b.checksumAdded,
    ignoredColumns: b.ignoredColumns,
    encoding: b.encoding,
    ...(b.computedFrom ? { computedFrom: b.computedFrom } : {}),
    findings: b.report.findings,
  };
  print(io, o.json, json, () => builtText(b, where));
}

export function registerBuild(program: Command, io: Io): void {
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
    .option(
      '--seq <NN>',
      'sequence number 01-99 (assigned from the history with --plan-row)',
      sequenceNumber,
    )
    .option('--date <ddmmyyyy>', 'creation date (default: today in England)')
    .option('--description <text>', 'line 3: the correction and its action plan reference number')
    .option('--notes <text>', 'a notes line (lines 10 and 11; give twice for both)', collect)
    .option(
      '--keys <fields>',
      'unique fields, comma separated (default: the recommended keys); with --returned, records are matched on them',
    )
    .option(
      '--changed <fields>',
      "fields being corrected (change files); 'auto', the default with --returned: the fields that differ",
    )
    .requiredOption(
      '--checksum-field <field>',
      "checksum field, or 'auto' to choose as HEFCE's guide describes",
    )
    .requiredOption('--from <extract.csv>', 'CSV export of the MIS; first row = ILR field codes')
    .option(
      '--returned <extract.csv>',
      'the data as returned: the file then holds the records that differ from --from (changed, added or deleted by --kind)',
    )
    .option('--out <dir>', 'folder to write the file into')
    .option('--year <year>', 'also check against an ILR year catalogue, e.g. 2010-11')
    .option(
      '--plan-row <PLAN_ID:REF>',
      'build against an approved action plan row and store the file as final in the history',
      planRow,
    )
    .option(
      '--reason <text>',
      'why the file holds more or fewer records than its plan row says (kept in the audit trail)',
    )
    .option('--json', 'print the result as JSON')
    .action((o: BuildFlags, cmd: Command) => buildCommand(o, io, cmd));
}
