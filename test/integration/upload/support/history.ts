// A history with real amendment files in it: provider 105432 with an approved action plan, set up
// through the Store the way the app does, then files built against its row with `build --plan-row`.
import { join } from 'node:path';
import { expect } from 'vitest';
import { Store } from '../../../../electron/store';
import { REPO_ROOT } from '../../cli';
import type { CliRunner } from './cli';

export const UPIN = '105432';
export const YEAR = '2010-11';
const AIMS_EXTRACT = join(REPO_ROOT, 'examples', 'aims-extract.csv');

/** Provider 105432 with an approved plan whose row 1 is a CHANGE of A27; the plan's id. */
export function seedApprovedPlan(data: string): number {
  const store = new Store(data, { user: 'jo.bloggs' });
  try {
    store.providers.add({ upin: UPIN, name: `College ${UPIN}` });
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'Corrections after R14' });
    store.plans.addRow(plan.id, {
      kind: 'CHANGE',
      description: 'Learning start dates (A27) corrected',
      fields: ['A27'],
      records: 3,
      due: '2011-03-31',
    });
    store.plans.move(plan.id, 'submit');
    return store.plans.move(plan.id, 'approve').id;
  } finally {
    store.close();
  }
}

export interface BuiltFile {
  name: string;
  sha256: string;
  path: string;
}

/** `build --plan-row PLAN:1` from the example extract, with a copy written into `out`. */
export async function buildFromPlan(
  cli: CliRunner,
  data: string,
  planId: number,
  out: string,
): Promise<BuiltFile> {
  const built = await cli.json<BuiltFile>(data, [
    'build',
    '--kind',
    'change',
    '--dataset',
    'A',
    '--changed',
    'A27',
    '--checksum-field',
    'auto',
    '--from',
    AIMS_EXTRACT,
    '--plan-row',
    `${planId}:1`,
    '--out',
    out,
  ]);
  expect(built.path).toBe(join(out, built.name));
  return built;
}

/** The status of each named file in `files list --json`. */
export async function fileStatuses(cli: CliRunner, data: string): Promise<Record<string, string>> {
  const list = await cli.json<{ name: string; status: string }[]>(data, ['files', 'list']);
  return Object.fromEntries(list.map((f) => [f.name, f.status]));
}
