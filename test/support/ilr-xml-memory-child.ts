// Run in a fresh process by the memory test and the benchmark: checks one ILR XML file the way
// `returndesk validate` does (streamText into IlrXmlChecker) and prints its memory as one JSON
// line. A fresh process means the figure cannot include another check's heap.
import { basename } from 'node:path';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import { streamText } from '../../electron/files/text';
import { measureMemory } from './memory-sampler';
import type { MemoryFigures } from './memory-sampler';

export interface XmlMemoryReport extends MemoryFigures {
  valid: boolean;
  learners: number;
  learningDeliveries: number;
  rules: string[];
}

const path = process.argv[2];
if (!path) {
  console.error('usage: ilr-xml-memory-child FILE.XML');
  process.exit(2);
}

const { result: report, memory } = await measureMemory(async () => {
  let checker: IlrXmlChecker | undefined;
  await streamText(path, () => (checker = new IlrXmlChecker({ fileName: basename(path) })));
  return checker?.end();
});

const result: XmlMemoryReport = {
  valid: report?.valid ?? false,
  learners: report?.xml?.learners ?? 0,
  learningDeliveries: report?.xml?.learningDeliveries ?? 0,
  rules: report?.findings.map((f) => f.rule) ?? [],
  ...memory,
};
process.stdout.write(JSON.stringify(result) + '\n');
