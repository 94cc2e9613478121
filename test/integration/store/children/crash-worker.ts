// Works the history as hard as it can until it is killed: finalises change, deletion and addition
// files, discards and submits some, builds batches and signs them off. Every operation is one
// transaction; after each commit it prints what it committed, so the test can check that nothing
// committed was lost. Usage: crash-worker DATA_DIR SEED
import { Store, StoreError } from '../../../../electron/store';
import type { ActionPlan } from '../../../../shared/history/types';
import type { AdditionType, DataSet } from '../../../../shared/amd/model';
import { ADDITION_SCOPE } from '../../../../shared/amd/model';
import { PLAN_ROWS, YEAR, finalise } from '../support/history';
import { mulberry32 } from '../../../support/random';

const [dataDir = '', seedArg = '1'] = process.argv.slice(2);
const MAX_OPERATIONS = 20_000;
const random = mulberry32(Number(seedArg));
const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
const say = (line: string) => process.stdout.write(`${line}\n`);

const store = new Store(dataDir, { user: `worker-${seedArg}` });

/** The newest provider with an approved plan, finishing whatever a killed life left half done. */
function target(): ActionPlan {
  let provider = store.providers.list().at(-1);
  provider ??= store.providers.add({ upin: '100001', name: 'Crash Test College 100001' });
  let plan = store.plans.list({ upin: provider.upin }).at(-1);
  plan ??= store.plans.create({ upin: provider.upin, year: YEAR, title: 'Crash test' });
  for (const row of PLAN_ROWS.slice(plan.rows.length)) {
    if (plan.status === 'draft') store.plans.addRow(plan.id, row);
  }
  if (plan.status === 'draft') store.plans.move(plan.id, 'submit');
  if (store.plans.get(plan.id).status === 'submitted') store.plans.move(plan.id, 'approve');
  return store.plans.get(plan.id);
}

/** All 99 NNs of a series used: carry on with a new provider. */
function nextProvider(): ActionPlan {
  const upin = String(Number(store.providers.list().at(-1)?.upin ?? '100000') + 1);
  store.providers.add({ upin, name: `Crash Test College ${upin}` });
  return target();
}

function finaliseOne(plan: ActionPlan): void {
  const r = random();
  let f;
  if (r < 0.65) {
    const kind = r < 0.4 ? 'CHANGE' : 'DELETE';
    const dataSet = pick<DataSet>(['L', 'A', 'H']) ?? 'A';
    const explicitSeq = random() < 0.04 ? 1 + Math.floor(random() * 99) : undefined;
    f = finalise(store, plan, { kind, dataSet }, { explicitSeq });
  } else {
    const additionType = pick<AdditionType>([2, 3]) ?? 3;
    const dataSet = pick(ADDITION_SCOPE[additionType]) ?? 'H';
    f = finalise(store, plan, { kind: 'ADD', dataSet, additionType });
  }
  say(`F ${f.id} ${f.name} ${f.sha256}`);
}

function batchWork(plan: ActionPlan): void {
  const live = store.files.list({ upin: plan.upin }).filter((f) => f.status === 'final');
  const batches = store.batches.list({ upin: plan.upin });
  const r = random();
  if (r < 0.4 || batches.length === 0) {
    const b = store.batches.create({ upin: plan.upin, year: YEAR, planId: plan.id });
    say(`B ${b.id}`);
  } else if (r < 0.75) {
    const b = pick(batches.filter((x) => x.status === 'draft' || x.status === 'signed_off'));
    const f = pick(live);
    if (b && f) store.batches.add(b.id, [f.name]);
  } else {
    const b = pick(batches.filter((x) => x.status === 'draft' && x.files.length > 0));
    if (b) {
      store.batches.signOff(b.id, 'Jo Bloggs');
      say(`S ${b.id}`);
    }
  }
}

function fileWork(plan: ActionPlan): void {
  const live = store.files.list({ upin: plan.upin }).filter((f) => f.status === 'final');
  const f = random() < 0.6 ? live.at(-1) : pick(live);
  if (!f) return;
  if (random() < 0.8) store.files.discard(f.name);
  else store.files.mark(f.name, 'submitted');
}

let plan = target();
say('ready');
for (let i = 0; i < MAX_OPERATIONS; i++) {
  const r = random();
  try {
    if (r < 0.7) finaliseOne(plan);
    else if (r < 0.85) batchWork(plan);
    else fileWork(plan);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    if (/All 99/.test(e.message)) plan = nextProvider();
    // An explicit NN that is taken, or a batch that is not in the right state: refused, go on.
    else if (e.code !== 'CONFLICT' && e.code !== 'INVALID_STATE') throw e;
  }
}
store.close();
