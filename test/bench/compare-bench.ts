// `npm run bench -- compare`: `returndesk compare` on two million-record learning-aim extracts
// (the data as returned, and as corrected: 1% of records changed, 0.5% deleted, 0.5% added), timed
// against papaparse parsing both files, and the peak memory of a fresh process comparing them,
// each beside its goal: the engine in the process itself, and as the app and the command line run
// it, in the import worker (whose memory the process's RSS includes).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareExtracts } from '../../electron/files/compare';
import { compareUntrusted } from '../../electron/operations/untrusted-extracts';
import { fileFromDisk } from '../../electron/cli/file-source';
import { measureMemory } from '../support/memory-sampler';
import type { MemoryFigures } from '../support/memory-sampler';
import { bestOfInterleaved, jsonFromChild, papaparseFile } from './measure';

const RECORDS = 1_000_000;
const ROUNDS = 3;
const RATIO_GOAL = 3;
const PEAK_GOAL_MB = 400;
const MB = 1_000_000;
const HEADER = 'A01,A03,A05,A48a,A48b,A09,A10,A11a,A27,A28,A46a,MIS_NAME';
const CHANGED = RECORDS / 100;
const DELETED = RECORDS / 200;
const ADDED = RECORDS / 200;

type TablePrinter = (rows: readonly (readonly string[])[]) => string;

const two = (n: number) => String(n).padStart(2, '0');

function record(i: number, corrected: boolean): string {
  const learner = Math.floor(i / 3) + 1;
  const aim = (i % 3) + 1;
  // Every hundredth record has its start date corrected.
  const start = corrected && i % 100 === 1 ? '15092010' : `${two(1 + (i % 28))}0${8 + (i % 2)}2010`;
  return [
    '105432',
    String(learner).padStart(12, '0'),
    two(aim),
    i % 7 === 0 ? 'HNC' : '',
    '',
    `5008${String(i % 10000).padStart(4, '0')}`,
    String(21 + (i % 3)),
    ['105', '107', '099'][i % 3],
    start,
    `${two(1 + ((i * 3) % 28))}0${1 + (i % 7)}2011`,
    String(i % 90),
    `Learner ${learner}`,
  ].join(',');
}

async function writeExtract(path: string, corrected: boolean): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER}\r\n`);
  let batch: string[] = [];
  const put = async (line: string) => {
    batch.push(line);
    if (batch.length === 10_000) {
      await write(batch.join('\r\n') + '\r\n');
      batch = [];
    }
  };
  for (let i = 0; i < RECORDS; i++) {
    // Every two-hundredth record is only in the returned extract.
    if (corrected && i % 200 === 0) continue;
    await put(record(i, corrected));
  }
  if (corrected) for (let i = RECORDS; i < RECORDS + ADDED; i++) await put(record(i, true));
  if (batch.length > 0) await write(batch.join('\r\n') + '\r\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function compare(returned: string, corrected: string): Promise<string> {
  const r = await compareExtracts({
    dataSet: 'A',
    returned: await fileFromDisk(returned),
    corrected: await fileFromDisk(corrected),
  });
  const c = r.comparison;
  const counts = `${c.changed.count} changed, ${c.added.count} added, ${c.deleted.count} deleted`;
  if (c.changed.count !== CHANGED || c.added.count !== ADDED || c.deleted.count !== DELETED)
    throw new Error(`the comparison found ${counts}`);
  return counts;
}

/** As `returndesk compare` and the app compare: in the import worker, each file read from disk. */
async function compareInWorker(returned: string, corrected: string): Promise<string> {
  const c = await compareUntrusted(
    {},
    {
      dataSet: 'A',
      returned: { fileName: 'returned.csv', source: await fileFromDisk(returned) },
      corrected: { fileName: 'corrected.csv', source: await fileFromDisk(corrected) },
    },
  );
  if (c.changed.count !== CHANGED || c.added.count !== ADDED || c.deleted.count !== DELETED)
    throw new Error('the comparison in the worker found other counts');
  return `${c.changed.count} changed, ${c.added.count} added, ${c.deleted.count} deleted`;
}

async function memoryChild(how: string, returned: string, corrected: string): Promise<void> {
  const run = how === 'worker' ? compareInWorker : compare;
  const { memory } = await measureMemory(() => run(returned, corrected));
  process.stdout.write(`${JSON.stringify(memory)}\n`);
}

function memoryInChild(how: string, returned: string, corrected: string): Promise<MemoryFigures> {
  const script = join('test', 'bench', 'compare-bench.ts');
  return jsonFromChild<MemoryFigures>(script, ['--memory-child', how, returned, corrected]);
}

export async function compareBench(table: TablePrinter): Promise<void> {
  console.log('\n== Comparing two extracts: speed and memory ==');
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-compare-bench-'));
  try {
    const returned = join(dir, 'returned.csv');
    const corrected = join(dir, 'corrected.csv');
    const generating = performance.now();
    const bytes = [await writeExtract(returned, false), await writeExtract(corrected, true)];
    const took = ((performance.now() - generating) / 1000).toFixed(2);
    console.log(
      `\nGenerated two extracts of ${RECORDS.toLocaleString('en-GB')} records (${bytes.map((b) => `${(b / MB).toFixed(1)} MB`).join(', ')}) in ${took} s.`,
    );
    let counts = '';
    console.log(`\nSpeed (best of ${ROUNDS}, interleaved):`);
    const [comparing, inWorker, papa] = await bestOfInterleaved(ROUNDS, [
      {
        name: 'compare: header, two passes over returned, one over corrected',
        run: async () => {
          counts = await compare(returned, corrected);
        },
      },
      {
        name: 'the same in the import worker (as returndesk compare and the app)',
        run: async () => {
          await compareInWorker(returned, corrected);
        },
      },
      {
        name: 'papaparse: read + decode + Papa.parse of both files',
        run: async () => {
          for (const [path, name] of [
            [returned, 'r'],
            [corrected, 'c'],
          ] as const)
            await papaparseFile({ path, name, records: RECORDS, bytes: 0, checksum: 0 });
        },
      },
    ]);
    if (!comparing || !inWorker || !papa) throw new Error('a timing is missing');
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      table([
        ['run', 'best', 'all runs'],
        ...[comparing, inWorker, papa].map((t) => [
          t.name,
          s(t.best),
          t.runs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
        ]),
      ]),
    );
    console.log(`  found: ${counts}`);

    console.log('\nPeak memory of a fresh process comparing them:');
    const engine = await memoryInChild('engine', returned, corrected);
    const worker = await memoryInChild('worker', returned, corrected);
    const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
    console.log(
      table([
        ['where', 'peak RSS (OS)', 'peak RSS (sampled)', 'RSS before', 'peak heap used', 'took'],
        ...(
          [
            ['in the process', engine],
            ['in the import worker', worker],
          ] as const
        ).map(([where, m]) => [
          where,
          mb(m.maxRss),
          mb(m.peakRssSampled),
          mb(m.baselineRss),
          mb(m.peakHeapUsed),
          s(m.ms),
        ]),
      ]),
    );
    const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    const ratioRow = (figure: string, t: { best: number }) => {
      const ratio = t.best / papa.best;
      return [figure, ratio.toFixed(2), `<= ${RATIO_GOAL}`, met(ratio <= RATIO_GOAL)];
    };
    const peakRow = (where: string, m: MemoryFigures) => [
      `peak RSS comparing 2 x ${RECORDS.toLocaleString('en-GB')} records ${where}`,
      mb(m.maxRss),
      `< ${PEAK_GOAL_MB} MB`,
      met(m.maxRss < PEAK_GOAL_MB * MB),
    ];
    console.log('\nFigures and goals:');
    console.log(
      table([
        ['figure', 'value', 'goal', 'result'],
        ratioRow('compare time / papaparse time (both files)', comparing),
        ratioRow('compare in the worker time / papaparse time', inWorker),
        peakRow('in the process', engine),
        peakRow('in the import worker', worker),
      ]),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `bin/run-ts.mjs test/bench/compare-bench.ts --memory-child engine|worker RETURNED CORRECTED`.
if (process.argv[1]?.endsWith('compare-bench.ts') && process.argv[2] === '--memory-child') {
  const [how, returned, corrected] = process.argv.slice(3);
  if (!how || !returned || !corrected)
    throw new Error('usage: --memory-child engine|worker RETURNED CORRECTED');
  await memoryChild(how, returned, corrected);
}
