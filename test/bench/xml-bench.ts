// `npm run bench -- xml`: checking a 200 MB ILR 2011-12 XML file the way `returndesk validate`
// does (streamText into IlrXmlChecker) beside saxes parsing the same bytes through the same
// streamText with no handlers at all, and the peak memory of the check in a fresh process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { streamText } from '../../electron/files/text';
import { IlrXmlChecker } from '../../shared/ilr-xml';
import type { GeneratedXmlFile } from '../support/ilr-xml';
import { writeIlrXmlFile } from '../support/ilr-xml';
import type { XmlMemoryReport } from '../support/ilr-xml-memory-child';
import { bestOfInterleaved, jsonFromChild } from './measure';

type TablePrinter = (rows: readonly (readonly string[])[]) => string;

const SIZE = 200_000_000;
const ROUNDS = 3;
const RATIO_GOAL = 1.5;
const PEAK_GOAL_MB = 150;
const MB = 1_000_000;

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString('en-GB');
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

/** What `returndesk validate` does for an XML file: stream, decode, check, report. */
async function checkFile(file: GeneratedXmlFile): Promise<void> {
  let checker: IlrXmlChecker | undefined;
  await streamText(file.path, () => (checker = new IlrXmlChecker({ fileName: file.name })));
  const report = checker?.end();
  if (!report?.valid || report.records !== file.learners) {
    const rules = report?.findings.map((f) => f.rule).join(', ');
    throw new Error(`the benchmark file did not check cleanly: ${rules ?? 'no report'}`);
  }
}

/** The reference: the same reading and decoding, and saxes with no handler, so no checks. */
async function saxesAlone(file: GeneratedXmlFile): Promise<void> {
  await streamText(file.path, () => {
    const parser = new SaxesParser();
    return { write: (chunk: string) => void parser.write(chunk), flush: () => void parser.close() };
  });
}

async function memoryInChild(file: GeneratedXmlFile): Promise<XmlMemoryReport> {
  const script = join('test', 'support', 'ilr-xml-memory-child.ts');
  const report = await jsonFromChild<XmlMemoryReport>(script, [file.path]);
  if (!report.valid) throw new Error('the memory child did not check the file cleanly');
  return report;
}

export async function xml(table: TablePrinter): Promise<void> {
  console.log('\n== ILR 2011-12 XML files: checking speed and memory ==');
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-bench-xml-'));
  try {
    const generating = performance.now();
    const file = await writeIlrXmlFile(dir, SIZE);
    console.log(
      `\nGenerated in ${seconds(performance.now() - generating)}: ${file.name}, ${mb(file.bytes)}, ${count(file.learners)} learners, ${count(file.deliveries)} learning deliveries.`,
    );

    console.log(`\nSpeed (best of ${ROUNDS}, interleaved):`);
    const [checked, plain] = await bestOfInterleaved(ROUNDS, [
      { name: 'validate: streamText + IlrXmlChecker', run: () => checkFile(file) },
      { name: 'saxes alone: streamText + SaxesParser, no handlers', run: () => saxesAlone(file) },
    ]);
    if (!checked || !plain) throw new Error('a timing is missing');
    console.log(
      table([
        ['run', 'best', 'all runs'],
        ...[checked, plain].map((t) => [
          t.name,
          seconds(t.best),
          t.runs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
        ]),
      ]),
    );

    console.log('\nPeak memory, checked in a fresh process:');
    const m = await memoryInChild(file);
    console.log(
      table([
        ['peak RSS (OS)', 'peak RSS (sampled)', 'RSS before', 'peak - before', 'peak heap used'],
        [
          mb(m.maxRss),
          mb(m.peakRssSampled),
          mb(m.baselineRss),
          mb(m.maxRss - m.baselineRss),
          mb(m.peakHeapUsed),
        ],
      ]),
    );

    const ratio = checked.best / plain.best;
    console.log('\nFigures and goals:');
    console.log(
      table([
        ['figure', 'value', 'goal', 'result'],
        [
          'check time / saxes-alone time',
          ratio.toFixed(2),
          `<= ${RATIO_GOAL}`,
          verdict(ratio <= RATIO_GOAL),
        ],
        [
          `peak RSS checking ${mb(file.bytes)}`,
          mb(m.maxRss),
          `< ${PEAK_GOAL_MB} MB`,
          verdict(m.maxRss < PEAK_GOAL_MB * MB),
        ],
      ]),
    );
    console.log(
      `\nThroughput: ${(file.bytes / MB / (checked.best / 1000)).toFixed(1)} MB/s checked.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
