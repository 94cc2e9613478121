// Run in a fresh process by the benchmark: validates one file through the real streaming path and
// reports its memory as one JSON line on stdout. A fresh process per size means one measurement
// cannot inherit the heap of another.
import { basename } from 'node:path';
import { AmendmentFileValidator } from '../../shared/amd';
import { streamText } from '../../electron/files/text';

export interface MemoryReport {
  records: number;
  valid: boolean;
  /** Resident set size before validation started (Node, the TypeScript loader, the engine). */
  baselineRss: number;
  /** Highest resident set size sampled every few milliseconds during validation. */
  peakRssSampled: number;
  /** The operating system's peak resident set size for the whole process. */
  maxRss: number;
  peakHeapUsed: number;
  ms: number;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: memory-child FILE.amd');
  process.exit(2);
}

const baselineRss = process.memoryUsage().rss;
let peakRssSampled = baselineRss;
let peakHeapUsed = 0;
const sample = () => {
  const m = process.memoryUsage();
  if (m.rss > peakRssSampled) peakRssSampled = m.rss;
  if (m.heapUsed > peakHeapUsed) peakHeapUsed = m.heapUsed;
};
const timer = setInterval(sample, 2);

const started = performance.now();
let validator: AmendmentFileValidator | undefined;
await streamText(path, () => {
  validator = new AmendmentFileValidator({ fileName: basename(path) });
  return validator;
});
const report = validator?.end();
const ms = performance.now() - started;
sample();
clearInterval(timer);

const result: MemoryReport = {
  records: report?.records ?? 0,
  valid: report?.valid ?? false,
  baselineRss,
  peakRssSampled,
  // maxRSS is in kibibytes.
  maxRss: process.resourceUsage().maxRSS * 1024,
  peakHeapUsed,
  ms,
};
process.stdout.write(JSON.stringify(result) + '\n');
