// The check as the app runs it: electron/portal/check-csv.ts bundled to CommonJS the way
// scripts/build-electron.mjs bundles main.cjs, beside the portal-check-worker.cjs that script
// builds, and run by plain Node with no TypeScript loader. A bundle that reached for the worker
// built beside the command line's bundle (built-worker.ts) would fail here. Likewise the import
// worker (electron/files/import/), built beside main.cjs as import-worker.cjs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { crlf, writeIn } from '../cli';
import { writeCraftedWorkbook } from '../../support/crafted-workbook';

const root = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/** Checks each data file given on its command line and prints the reports as JSON. */
const PROBE = `
import { checkCsvFile } from './electron/portal/check-csv';
import { parseFileFormat } from './shared/portal/file-format';

const spec = parseFileFormat([
  ['Name', 'Description', 'Position', 'Validation Regular Expression'],
  ['Year', 'Year', '1', '^\\\\d{4}$'],
  ['Tier', 'Tier', '2', '^\\\\d*\\\\d*\\\\d*\\\\d*\\\\d*$'],
]);
if (!spec.ok) throw new Error(spec.problems.join(' '));
const format = spec.format;
void (async () => {
  const reports = [];
  for (const path of process.argv.slice(2))
    reports.push(await checkCsvFile(format, path, { timeLimitMs: 300 }));
  process.stdout.write(JSON.stringify(reports));
})();
`;

/** Reads each workbook given on its command line in the import worker; prints what each gave. */
const IMPORT_PROBE = `
import { importInWorker } from './electron/files/import/run';
import { bytesSource } from './shared/ipc/source';
void (async () => {
  const outcomes = [];
  for (const path of process.argv.slice(2)) {
    const file = { ...bytesSource(path, new Uint8Array()), path };
    outcomes.push(await importInWorker('plan-workbook', file).then(
      (plan) => ({ rows: plan.rows.length }),
      (e) => ({ refused: e.message }),
    ));
  }
  process.stdout.write(JSON.stringify(outcomes));
})();
`;

describe('the check in the app bundle', () => {
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'rd-portal-bundle-'));
    await buildElectron({ outdir: out });
    await build({
      stdin: { contents: PROBE, resolveDir: root, loader: 'ts', sourcefile: 'probe.ts' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: join(out, 'probe.cjs'),
      logLevel: 'silent',
      // As in the app's build: import.meta in a CommonJS bundle is an error, not an empty object.
      logOverride: { 'empty-import-meta': 'error' },
    });
    // Bundling the app (exceljs in the import worker included) takes seconds on a busy machine.
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs the bundled import worker: a crafted workbook is refused, not the process', async () => {
    await build({
      stdin: { contents: IMPORT_PROBE, resolveDir: root, loader: 'ts', sourcefile: 'import.ts' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: join(out, 'import-probe.cjs'),
      logLevel: 'silent',
      logOverride: { 'empty-import-meta': 'error' },
    });
    const many = join(out, 'many.xlsx');
    await writeCraftedWorkbook(many, 10_000);
    const { stdout } = await run(process.execPath, [join(out, 'import-probe.cjs'), many], {
      cwd: out,
    });
    expect(JSON.parse(stdout)).toEqual([
      { refused: expect.stringMatching(/more than 10,000 rows/) },
    ]);
  });

  it('runs the bundled worker: a normal file is checked, a runaway expression is stopped', async () => {
    const good = await writeIn(out, 'good.csv', crlf(['Year,Tier', '2019,12']));
    const bad = await writeIn(out, 'bad.csv', crlf(['Year,Tier', `2019,${'1'.repeat(200)}x`]));
    const { stdout } = await run(process.execPath, [join(out, 'probe.cjs'), good, bad], {
      cwd: out,
    });
    expect(JSON.parse(stdout)).toMatchObject([
      { valid: true, rows: 1, findings: [] },
      { valid: false, findings: [{ rule: 'CSV_EXPRESSION_TIMEOUT', row: 2, column: 'Tier' }] },
    ]);
  });
});
