// `npm run bench`: validation speed against papaparse on the same bytes, and peak memory at two
// file sizes, each figure printed beside its goal. Benchmarks report; tests never assert timings.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAimChangeFile } from './generate';
import type { GeneratedFile } from './generate';
import type { MemoryReport } from './memory-child';
import { runCliBench } from './cli-bench';
import { runStoreBench } from './store-bench';
import { runUploadBench } from './upload-bench';
import {
  bestOfInterleaved,
  memoryInChild,
  papaparseFile,
  papaparseRowsFile,
  validateFile,
} from './measure';

const LARGE = 1_000_000;
const SMALL = 100_000;
const ROUNDS = 3;
const RATIO_GOAL = 1.25;
const PEAK_GOAL_MB = 200;
const GROWTH_GOAL_MB = 50;

const MB = 1_000_000;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString('en-GB');
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('   ')
        .trimEnd();
      return i === 0 ? `  ${line}\n  ${'-'.repeat(line.length)}` : `  ${line}`;
    })
    .join('\n');
}

function memoryRow(records: number, m: MemoryReport): string[] {
  return [
    count(records),
    mb(m.maxRss),
    mb(m.peakRssSampled),
    mb(m.baselineRss),
    mb(m.maxRss - m.baselineRss),
    mb(m.peakHeapUsed),
  ];
}

function describeFile(f: GeneratedFile): string {
  return `${f.name}: ${count(f.records)} learning-aim records, ${mb(f.bytes)}`;
}

async function amendmentFiles(): Promise<void> {
  console.log('\n== Amendment files: validation speed and memory ==');
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-bench-'));
  try {
    const generating = performance.now();
    const large = await generateAimChangeFile(dir, 1, LARGE);
    const small = await generateAimChangeFile(dir, 2, SMALL);
    console.log(`\nGenerated in ${seconds(performance.now() - generating)} (CHANGE files, CRLF):`);
    console.log(`  ${describeFile(large)}\n  ${describeFile(small)}`);

    console.log(`\nSpeed on the ${count(LARGE)}-record file (best of ${ROUNDS}, interleaved):`);
    const [validation, papa, papaRows] = await bestOfInterleaved(ROUNDS, [
      {
        name: 'validate: streamText + AmendmentFileValidator',
        run: () => validateFile(large),
      },
      {
        name: 'papaparse: read + decode + Papa.parse, no validation',
        run: () => papaparseFile(large),
      },
      {
        name: 'papaparse with a row callback (rows not kept)',
        run: () => papaparseRowsFile(large),
      },
    ]);
    if (!validation || !papa || !papaRows) throw new Error('a timing is missing');
    console.log(
      table([
        ['run', 'best', 'all runs'],
        ...[validation, papa, papaRows].map((t) => [
          t.name,
          seconds(t.best),
          t.runs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
        ]),
      ]),
    );

    console.log(`\nPeak memory, each size validated in a fresh process:`);
    const smallMemory = await memoryInChild(small);
    const largeMemory = await memoryInChild(large);
    console.log(
      table([
        [
          'records',
          'peak RSS (OS)',
          'peak RSS (sampled)',
          'RSS before',
          'peak - before',
          'peak heap used',
        ],
        memoryRow(SMALL, smallMemory),
        memoryRow(LARGE, largeMemory),
      ]),
    );

    const ratio = validation.best / papa.best;
    const ratioRows = validation.best / papaRows.best;
    const growth = largeMemory.maxRss - smallMemory.maxRss;
    // The OS peak can be set while the loader starts, before validation; the sampled peak cannot.
    const sampledGrowth = largeMemory.peakRssSampled - smallMemory.peakRssSampled;
    const fmt = (x: number) => x.toFixed(2);
    console.log('\nFigures and goals:');
    console.log(
      table([
        ['figure', 'value', 'goal', 'result'],
        [
          'validation time / papaparse time',
          fmt(ratio),
          `<= ${RATIO_GOAL}`,
          verdict(ratio <= RATIO_GOAL),
        ],
        [
          'validation time / papaparse row-callback time',
          fmt(ratioRows),
          `<= ${RATIO_GOAL}`,
          verdict(ratioRows <= RATIO_GOAL),
        ],
        [
          `peak RSS at ${count(SMALL)} records`,
          mb(smallMemory.maxRss),
          `< ${PEAK_GOAL_MB} MB`,
          verdict(smallMemory.maxRss < PEAK_GOAL_MB * MB),
        ],
        [
          `peak RSS at ${count(LARGE)} records`,
          mb(largeMemory.maxRss),
          `< ${PEAK_GOAL_MB} MB`,
          verdict(largeMemory.maxRss < PEAK_GOAL_MB * MB),
        ],
        [
          `peak RSS difference (${count(LARGE)} - ${count(SMALL)})`,
          mb(growth),
          `<= ${GROWTH_GOAL_MB} MB`,
          verdict(Math.abs(growth) <= GROWTH_GOAL_MB * MB),
        ],
        [
          'the same, sampled peaks during validation',
          mb(sampledGrowth),
          `<= ${GROWTH_GOAL_MB} MB`,
          verdict(Math.abs(sampledGrowth) <= GROWTH_GOAL_MB * MB),
        ],
      ]),
    );
    console.log(`\nThroughput: ${count(Math.round(LARGE / (validation.best / 1000)))} records/s.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function history(): void {
  console.log('\n== History: 100,000 files and 1,000,000 audit entries ==');
  const rows = runStoreBench((line) => console.log(line));
  console.log(
    table([
      ['figure', 'value', 'reference', 'ratio', 'goal', 'result'],
      ...rows.map((r) => [r.figure, r.value, r.reference, r.ratio, r.goal, verdict(r.met)]),
    ]),
  );
}

async function upload(): Promise<void> {
  console.log('\n== Upload: 1 GiB over loopback to the reference server ==');
  const rows = await runUploadBench((line) => console.log(line));
  console.log(
    table([
      ['figure', 'value', 'reference', 'ratio', 'goal', 'result'],
      ...rows.map((r) => [r.figure, r.value, r.reference, r.ratio, r.goal, verdict(r.met)]),
    ]),
  );
}

async function cli(): Promise<void> {
  console.log('\n== Command line: start-up time and memory ==');
  const rows = await runCliBench((line) => console.log(line));
  console.log(
    table([
      ['figure', 'value', 'reference', 'ratio', 'goal', 'result'],
      ...rows.map((r) => [
        r.figure,
        r.value,
        r.reference,
        r.ratio,
        r.goal,
        r.met === undefined ? '-' : verdict(r.met),
      ]),
    ]),
  );
}

const SECTIONS: Record<string, () => Promise<void> | void> = {
  amd: amendmentFiles,
  history,
  upload,
  cli,
  ui: () => import('./ui-bench').then((m) => m.ui(table)),
  xml: () => import('./xml-bench').then((m) => m.xml(table)),
  portal: () => import('./portal-bench').then((m) => m.portal(table)),
  compare: () => import('./compare-bench').then((m) => m.compareBench(table)),
};

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `ReturnDesk benchmark - Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} x ${cpu}`,
  );
  if (!(globalThis as { gc?: unknown }).gc)
    console.log('(run through `npm run bench` so that garbage is collected between runs)');
  // `npm run bench -- history` runs one section; no argument runs them all.
  const wanted = process.argv.slice(2);
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length === 0 || wanted.includes(name)) await run();
  }
  console.log(`\nBenchmark took ${seconds(performance.now() - started)}.`);
}

await main();
