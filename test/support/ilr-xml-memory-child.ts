// Run in a fresh process by the memory test and the benchmark: checks one ILR XML file the way
// `returndesk validate` does (streamText into IlrXmlChecker) and prints its memory as one JSON
// line. A fresh process means the figure cannot include another check's heap.
import { basename } from 'node:path';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { streamText } from '../../electron/files/text';

export interface XmlMemoryReport {
  valid: boolean;
  learners: number;
  learningDeliveries: number;
  rules: string[];
  /** Resident set size before the check started (Node, the TypeScript loader, the engine). */
  baselineRss: number;
  /** Highest resident set size sampled every few milliseconds during the check. */
  peakRssSampled: number;
  /** The operating system's peak resident set size for the whole process. */
  maxRss: number;
  peakHeapUsed: number;
  ms: number;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: ilr-xml-memory-child FILE.XML');
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
let checker: IlrXmlChecker | undefined;
await streamText(path, () => (checker = new IlrXmlChecker({ fileName: basename(path) })));
const report = checker?.end();
const ms = performance.now() - started;
sample();
clearInterval(timer);

const result: XmlMemoryReport = {
  valid: report?.valid ?? false,
  learners: report?.xml?.learners ?? 0,
  learningDeliveries: report?.xml?.learningDeliveries ?? 0,
  rules: report?.findings.map((f) => f.rule) ?? [],
  baselineRss,
  peakRssSampled,
  // maxRSS is in kibibytes.
  maxRss: process.resourceUsage().maxRSS * 1024,
  peakHeapUsed,
  ms,
};
process.stdout.write(JSON.stringify(result) + '\n');
