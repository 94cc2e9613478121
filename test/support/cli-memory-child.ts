// Run in a fresh process by the memory tests of hostile files: one `returndesk ARGS...` command,
// in this process as bin/returndesk.mjs runs it, and its memory (the operating system's peak for
// the whole process, worker threads included) printed as one JSON line after what it printed.
import { main } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/output';
import { measureMemory } from './memory-sampler';
import type { MemoryFigures } from './memory-sampler';

export interface CliMemoryReport extends MemoryFigures {
  code: number;
  stdout: string;
  stderr: string;
}

let stdout = '';
let stderr = '';
const io: Io = {
  out: (t) => {
    stdout += t;
  },
  err: (t) => {
    stderr += t;
  },
  stdin: () => Promise.resolve(null),
  env: process.env,
};

const { result: code, memory } = await measureMemory(() => main(process.argv.slice(2), io));
const report: CliMemoryReport = { code, stdout, stderr, ...memory };
process.stdout.write(JSON.stringify(report) + '\n');
