// `returndesk compare`: a door onto files.compare. Both extracts are handed over as files streamed
// from disk; the comparison comes back and is printed for people (each group capped) or, with
// --json, whole. Duplicate keys are listed in the report and make the command fail, in one line
// naming them: such keys cannot identify records, so the counts leave those records out.
import type { Command } from 'commander';
import type { ComparedExtracts } from '../../shared/ipc/files';
import type { DuplicateKey } from '../../shared/compare';
import { keyText } from '../../shared/compare';
import { perform } from './door';
import { EXIT_CODES } from './exit-codes';
import { fileInput } from './file-source';
import type { Io } from './output';
import { print } from './session';

interface CompareFlags {
  dataset: string;
  returned: string;
  corrected: string;
  keys?: string;
  json?: boolean;
}

/** Records listed per group in the text output; --json lists them all. */
const SHOWN = 20;

const FLAGS = { dataSet: '--dataset', returned: '--returned', corrected: '--corrected' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function capped<T>(items: readonly T[], total: number, line: (t: T) => string): string[] {
  const lines = items.slice(0, SHOWN).map((t) => `    ${line(t)}`);
  if (total > SHOWN) lines.push(`    ... and ${total - SHOWN} more (--json lists them all)`);
  return lines;
}

export function comparisonText(c: ComparedExtracts): string {
  const { returned, corrected } = c.extracts;
  const lines = [
    `Compared ${returned.name} (${plural(c.records.returned, 'record')}, as returned) with ${corrected.name} (${plural(c.records.corrected, 'record')}, as corrected),`,
    `  records matched on ${c.keys.join(', ')}:`,
    `  ${c.changed.count} changed, ${c.added.count} added, ${c.deleted.count} deleted, ${c.unchanged} unchanged.`,
  ];
  if (c.changedFields.length > 0)
    lines.push(`  Fields that differ: ${c.changedFields.join(', ')}.`);
  if (c.changed.count > 0) {
    lines.push(`  Changed (old -> new):`);
    lines.push(
      ...capped(c.changed.records, c.changed.count, (r) => {
        const fields = r.fields.map((f) => `${f.field} ${f.old || '""'} -> ${f.new || '""'}`);
        return `${keyText(r.key)}: ${fields.join('; ')}`;
      }),
    );
  }
  if (c.added.count > 0) {
    lines.push(`  Added (only in ${corrected.name}):`);
    lines.push(...capped(c.added.records, c.added.count, (r) => keyText(r.key)));
  }
  if (c.deleted.count > 0) {
    lines.push(`  Deleted (only in ${returned.name}):`);
    lines.push(...capped(c.deleted.records, c.deleted.count, (r) => keyText(r.key)));
  }
  for (const [side, name] of [
    ['returned', returned.name],
    ['corrected', corrected.name],
  ] as const) {
    const cols = c.notCompared[side];
    if (cols.length > 0) lines.push(`  Not compared, columns of ${name}: ${cols.join(', ')}.`);
  }
  return lines.join('\n') + '\n';
}

/** The one line naming the duplicate keys. */
export function duplicatesLine(c: ComparedExtracts, dupes: readonly DuplicateKey[]): string {
  const named = dupes.map(
    (d) => `${keyText(d.key)} (${c.extracts[d.extract].name} records ${d.records.join(', ')})`,
  );
  return `${plural(dupes.length, 'key')} ${dupes.length === 1 ? 'is' : 'are'} on more than one record, so those records were not compared: ${named.join('; ')}. Make each record's key unique, or match on more fields with --keys.`;
}

export async function compareCommand(
  o: CompareFlags,
  io: Io,
  cmd: Command,
  setExit: (code: number) => void,
): Promise<void> {
  const keys = o.keys
    ?.split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const input = {
    // Checked against the contract's L, A or H before anything runs.
    dataSet: o.dataset as 'L',
    keys,
    returned: await fileInput(o.returned),
    corrected: await fileInput(o.corrected),
  };
  const c = await perform(cmd, io, 'files.compare', input, FLAGS, { history: false });
  const json = {
    dataset: c.dataset,
    keys: c.keys,
    records: c.records,
    changed: c.changed,
    added: c.added,
    deleted: c.deleted,
    unchanged: c.unchanged,
    changedFields: c.changedFields,
    duplicateKeys: c.duplicateKeys,
  };
  print(io, o.json, json, () => comparisonText(c));
  if (c.duplicateKeys.length > 0) {
    io.err(`returndesk: ${duplicatesLine(c, c.duplicateKeys)}\n`);
    setExit(EXIT_CODES.INVALID_FILE);
  }
}

export function registerCompare(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description(
      'Compare the data as returned with the corrected data: records changed, added, deleted',
    )
    .requiredOption('--dataset <D>', 'L (learner), A (learning aim) or H (HE)')
    .requiredOption('--returned <extract.csv>', 'the MIS extract as it was returned')
    .requiredOption('--corrected <extract.csv>', 'the MIS extract as it should be')
    .option(
      '--keys <fields>',
      'fields that identify a record, comma separated; L42 and A48 stand for both occurrences (default: the recommended keys)',
    )
    .option('--json', 'print the comparison as JSON')
    .action((o: CompareFlags, cmd: Command) => compareCommand(o, io, cmd, setExit));
}
