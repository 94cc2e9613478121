// A plan as a data officer makes it on the command line, for the tests of its steps and of
// HEFCE's loop: provider 105432, a draft 2010-11 plan with one CHANGE row (A27, 3 records).
import type { ActionPlan } from '../../../../shared/history/types';
import { json } from './cli';

export async function draftPlan(data: string): Promise<number> {
  await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside']);
  const plan = await json<ActionPlan>(data, [
    'plan',
    'create',
    '--provider',
    '105432',
    '--year',
    '2010-11',
    '--title',
    'R14',
  ]);
  await json(data, [
    'plan',
    'add-row',
    '--plan',
    String(plan.id),
    '--kind',
    'CHANGE',
    '--description',
    'Start dates',
    '--fields',
    'A27',
    '--records',
    '3',
    '--due',
    '2011-03-31',
  ]);
  return plan.id;
}
