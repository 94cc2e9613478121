// `npm run bench -- portal`: `returndesk portal check` on a million-row data file shaped like an
// Ofqual "Specification codes" return, timed as the command runs it (spec read, worker started,
// file streamed from disk through the watched checker) against papaparse parsing the same bytes,
// and the peak memory of a process doing the check (worker included), each beside its goal.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CsvChecker } from '../../shared/portal/csv-check';
import type { CsvReport } from '../../shared/portal/csv-check';
import { parseFileFormat } from '../../shared/portal/file-format';
import { readTextFile } from '../../electron/files/text';
import { checkCsvFile } from '../../electron/portal/check-csv';
import { checkDataFile } from '../../electron/portal/stream-check';
import { bestOfInterleaved, jsonFromChild, papaparseFile } from './measure';
import { buildCli } from '../../scripts/build-cli.mjs';
import { measureMemory } from '../support/memory-sampler';
import type { MemoryFigures } from '../support/memory-sampler';

const ROWS = 1_000_000;
const ROUNDS = 3;
const RATIO_GOAL = 1.5;
const PEAK_GOAL_MB = 200;
const MB = 1_000_000;

type TablePrinter = (rows: readonly (readonly string[])[]) => string;

/** Twelve columns with expressions of the kinds Ofqual publishes (reference/returns-and-portals). */
const SPEC: [string, string][] = [
  ['Year', '^\\d{4}$'],
  ['ReportingDate', '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$'],
  ['AwardingOrganisation', '^.{1,100}$'],
  ['QAN', '^.{1,10}$'],
  ['SpecificationCode', '^.{1,7}$'],
  ['SpecificationTitle', '^.{1,150}$'],
  ['CertificationCode', '^.{1,7}$'],
  ['QualificationLevel', '^(GCSE|AS|A level|Project L1|Project L2|Project L3)$'],
  ['Tier', '^(F|H|-2)$'],
  ['DoubleOrSingleAward', '^(DBL|SGL|-2)$'],
  ['FullOrShortCourse', '^(FC|SC|-2)$'],
  ['Applied', '^(Y|N)$'],
];

const ORGANISATIONS = ['AQA Education', 'Pearson Education Ltd', 'OCR', 'WJEC-CBAC', 'CCEA'];
// Some titles hold a comma, so are quoted, as in real returns; papaparse then takes its full path.
const TITLES = [
  'Mathematics',
  'English Language',
  'Combined Science: Trilogy',
  '"Design and Technology: Food, Textiles"',
  'History',
  'Religious Studies (Short Course)',
];
const LEVELS = ['GCSE', 'AS', 'A level', 'Project L1', 'Project L2', 'Project L3'];

function specCsv(): string {
  const rows = SPEC.map(([name, re], i) => `${name},${name},${i + 1},"${re}"`);
  return ['Name,Description,Position,Validation Regular Expression', ...rows].join('\r\n') + '\r\n';
}

function dataRow(i: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    String(2015 + (i % 5)),
    `2019-${two(1 + (i % 12))}-${two(1 + (i % 28))}`,
    ORGANISATIONS[i % ORGANISATIONS.length],
    String(60000000 + (i % 9_000_000)).padStart(8, '0'),
    `${1 + (i % 9)}MA${i % 10}`,
    TITLES[i % TITLES.length],
    `C${i % 100000}`,
    LEVELS[i % LEVELS.length],
    ['F', 'H', '-2'][i % 3],
    ['DBL', 'SGL', '-2'][i % 3],
    ['FC', 'SC', '-2'][(i >> 1) % 3],
    ['Y', 'N'][i % 2],
  ].join(',');
}

/** Streams the data file (CRLF, as Excel writes it) so the generator stays small too. */
async function writeData(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(SPEC.map(([name]) => name).join(',') + '\r\n');
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(dataRow(i));
    if (batch.length === 10_000) {
      await write(batch.join('\r\n') + '\r\n');
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch.join('\r\n') + '\r\n');
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** As `portal check` does it: read and parse the spec, then the watched worker over the file. */
async function portalCheck(specPath: string, dataPath: string): Promise<CsvReport> {
  const text = (await readTextFile(specPath)).text.replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const spec = parseFileFormat(rows);
  if (!spec.ok) throw new Error(spec.problems.join(' '));
  return checkCsvFile(spec.format, dataPath);
}

function expectClean(report: CsvReport, rows: number): void {
  if (!report.valid || report.rows !== rows)
    throw new Error(`the benchmark file did not check cleanly: ${JSON.stringify(report)}`);
}

type PortalMemory = MemoryFigures;

/** In a fresh process: the check, with the whole process's resident memory sampled meanwhile. */
async function memoryChild(specPath: string, dataPath: string, rows: number): Promise<void> {
  // The check runs in the worker, so this thread is free to sample; maxRss covers the worker too.
  const { result, memory } = await measureMemory(() => portalCheck(specPath, dataPath));
  expectClean(result, rows);
  process.stdout.write(`${JSON.stringify(memory)}\n`);
}

function memoryInChild(specPath: string, dataPath: string, rows: number): Promise<PortalMemory> {
  const script = join('test', 'bench', 'portal-bench.ts');
  return jsonFromChild<PortalMemory>(script, ['--memory-child', specPath, dataPath, String(rows)]);
}

export async function portal(table: TablePrinter): Promise<void> {
  console.log('\n== Data portal CSV check: speed and memory ==');
  // The check runs in the worker the command line's build writes, as `portal check` does.
  await buildCli();
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-portal-bench-'));
  try {
    const specPath = join(dir, 'spec.csv');
    const dataPath = join(dir, 'data.csv');
    await writeFile(specPath, specCsv());
    const generating = performance.now();
    const bytes = await writeData(dataPath, ROWS);
    const took = ((performance.now() - generating) / 1000).toFixed(2);
    console.log(`\nGenerated ${ROWS.toLocaleString('en-GB')} rows x ${SPEC.length} columns,`);
    console.log(`  ${(bytes / MB).toFixed(1)} MB, in ${took} s.`);
    const spec = parseFileFormat(Papa.parse<string[]>(specCsv(), { skipEmptyLines: true }).data);
    if (!spec.ok) throw new Error(spec.problems.join(' '));
    const format = spec.format;
    const file = { path: dataPath, name: 'data.csv', records: ROWS, bytes, checksum: 0 };

    console.log(`\nSpeed (best of ${ROUNDS}, interleaved):`);
    const [check, papa, inThread] = await bestOfInterleaved(ROUNDS, [
      {
        name: 'portal check: spec, worker + watchdog, streamed',
        run: async () => expectClean(await portalCheck(specPath, dataPath), ROWS),
      },
      { name: 'papaparse: read + decode + Papa.parse, no checks', run: () => papaparseFile(file) },
      {
        name: 'for comparison: the same check in this thread',
        run: async () =>
          expectClean(await checkDataFile(dataPath, () => new CsvChecker(format)), ROWS),
      },
    ]);
    if (!check || !papa || !inThread) throw new Error('a timing is missing');
    console.log(
      table([
        ['run', 'best', 'all runs'],
        ...[check, papa, inThread].map((t) => [
          t.name,
          `${(t.best / 1000).toFixed(2)} s`,
          t.runs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
        ]),
      ]),
    );

    console.log('\nPeak memory of a fresh process running the check (worker included):');
    const memory = await memoryInChild(specPath, dataPath, ROWS);
    const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
    console.log(
      table([
        ['peak RSS (OS)', 'peak RSS (sampled)', 'RSS before', 'check took'],
        [
          mb(memory.maxRss),
          mb(memory.peakRssSampled),
          mb(memory.baselineRss),
          `${(memory.ms / 1000).toFixed(2)} s`,
        ],
      ]),
    );

    const ratio = check.best / papa.best;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');
    console.log('\nFigures and goals:');
    console.log(
      table([
        ['figure', 'value', 'goal', 'result'],
        [
          'portal check time / papaparse time',
          ratio.toFixed(2),
          `<= ${RATIO_GOAL}`,
          met(ratio <= RATIO_GOAL),
        ],
        [
          `peak RSS checking ${ROWS.toLocaleString('en-GB')} rows`,
          mb(memory.maxRss),
          `< ${PEAK_GOAL_MB} MB`,
          met(memory.maxRss < PEAK_GOAL_MB * MB),
        ],
      ]),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `bin/run-ts.mjs test/bench/portal-bench.ts --memory-child SPEC DATA ROWS`, started by portal().
if (process.argv[1]?.endsWith('portal-bench.ts') && process.argv[2] === '--memory-child') {
  const [specPath, dataPath, rows] = process.argv.slice(3);
  if (!specPath || !dataPath || !rows) throw new Error('usage: --memory-child SPEC DATA ROWS');
  await memoryChild(specPath, dataPath, Number(rows));
}
