// `plan evidence`: the e-mail or letter kept with a plan step, written back out under the name it
// was kept as (its SHA-256 checked by the operation), never over a different file of that name.
import type { Command } from 'commander';
import { join } from 'node:path';
import { print, positiveInt } from './session';
import type { Io } from './output';
import { perform } from './door';
import { writeOnce } from './write-once';

interface EvidenceFlags {
  plan: number;
  step: number;
  out: string;
  json?: boolean;
}

export function registerPlanEvidence(plan: Command, io: Io): void {
  plan
    .command('evidence')
    .description('Write a copy of the e-mail or letter kept with a step into a folder')
    .requiredOption('--plan <id>', 'plan id', positiveInt('--plan'))
    .requiredOption('--step <id>', "step id (as 'plan show' lists them)", positiveInt('--step'))
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--json', 'print as JSON')
    .action(async (o: EvidenceFlags, cmd: Command) => {
      const flags = { planId: '--plan', stepId: '--step' };
      const input = { planId: o.plan, stepId: o.step };
      const e = await perform(cmd, io, 'plans.evidence', input, flags);
      const path = join(o.out, e.fileName);
      await writeOnce(
        path,
        Buffer.from(e.base64, 'base64'),
        e.sha256,
        'Move it away, or write the copy into another folder.',
      );
      print(
        io,
        o.json,
        { plan: o.plan, step: o.step, name: e.fileName, path, sha256: e.sha256, bytes: e.bytes },
        () => `Wrote ${path} (SHA-256 ${e.sha256}).\n`,
      );
    });
}
