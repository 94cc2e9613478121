// One of several processes finalising a file at the same moment: opens the history, says
// "ready", waits (bounded) for the go file, finalises one CHANGE file and prints it as JSON.
import { existsSync } from 'node:fs';
import { Store } from '../../../../electron/store';
import { CHANGE_A, finalise } from '../support/history';

const [dataDir = '', goFile = '', planId = ''] = process.argv.slice(2);
const GO_WAIT_MS = 30_000;

const store = new Store(dataDir, { user: `child-${process.pid}` });
const plan = store.plans.get(Number(planId));
process.stdout.write('ready\n');

const deadline = Date.now() + GO_WAIT_MS;
const poll = () => {
  if (existsSync(goFile)) {
    const f = finalise(store, plan, CHANGE_A);
    process.stdout.write(`${JSON.stringify({ name: f.name, seq: f.seq, sha256: f.sha256 })}\n`);
    store.close();
  } else if (Date.now() > deadline) {
    process.stderr.write('the go file never appeared\n');
    process.exitCode = 3;
  } else {
    setTimeout(poll, 1);
  }
};
poll();
