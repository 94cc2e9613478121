// Hostile files given to an import: a crafted workbook of 3 million rows is refused from its zip
// directory, in one line, in a process that stays small; one that hides its rows is stopped as
// they stream; whatever still exhausts the import worker's memory ends the worker, not the process.
// Memory only, measured in a fresh process: timings are the benchmark's business.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInWorker, ImportRefused } from '../../../electron/files/import/run';
import { bytesSource } from '../../../shared/ipc/source';
import { writeCraftedWorkbook } from '../../support/crafted-workbook';
import type { CliMemoryReport } from '../../support/cli-memory-child';
import { useHistories } from './support/folders';
import { addProvider } from './support/history';
import { REPO_ROOT, expectOneLineRefusal, returndesk } from './support/cli';

const histories = useHistories('returndesk-hostile-xlsx-');
const MB = 1024 * 1024;

let dir: string;
let huge: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-crafted-'));
  huge = join(dir, 'three million rows.xlsx');
  await writeCraftedWorkbook(huge, 3_000_000);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inChild(args: readonly string[]): Promise<CliMemoryReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.mjs', join('test', 'support', 'cli-memory-child.ts'), ...args],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as CliMemoryReport)
        : reject(new Error(`the importing process exited with ${code}: ${err}`)),
    );
  });
}

const importArgs = (data: string, xlsx: string) => [
  '--data-dir',
  data,
  'plan',
  'import',
  '--xlsx',
  xlsx,
  '--provider',
  '105432',
  '--year',
  '2010-11',
];

describe('a crafted action plan workbook', () => {
  it(
    'of 3 million rows is refused in one line with its numbers, well under 600 MB',
    { timeout: 120_000 },
    async () => {
      const data = histories.folder();
      const store = histories.open(data);
      addProvider(store, '105432');
      const r = await inChild(importArgs(data, huge));
      expectOneLineRefusal(
        r,
        2,
        /three million rows\.xlsx is far larger than any action plan and was not read: 239 MB uncompressed \(at most 50 MB\), 1 sheet \(at most 20\), the largest sheet 239 MB of XML/,
      );
      expect(r.maxRss).toBeLessThan(600 * MB);
      expect(store.plans.list()).toEqual([]);
    },
  );

  it('whose rows pass the limit is stopped as they stream, in one line', async () => {
    const data = histories.folder();
    addProvider(histories.open(data), '105432');
    const many = join(data, 'many.xlsx');
    await writeCraftedWorkbook(many, 10_000);
    const r = await returndesk(data, importArgs(data, many).slice(2));
    expectOneLineRefusal(
      r,
      2,
      /many\.xlsx has more than 10,000 rows, far more than any action plan; reading stopped there\./,
    );
  });

  it('that exhausts the import worker ends the worker with one sentence, not the process', async () => {
    const data = histories.folder();
    const plan = join(data, 'plan.xlsx');
    await writeCraftedWorkbook(plan, 20);
    const refused = await importInWorker(
      'plan-workbook',
      { ...bytesSource('plan.xlsx', new Uint8Array()), path: plan },
      { resourceLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as Error).message).toBe(
      'plan.xlsx needs more memory to read than any action plan would, and was not imported.',
    );
  });
});

describe('schedules and file-format specifications', () => {
  it('far larger than any are refused before they are read', async () => {
    const big = bytesSource('schedule.csv', new Uint8Array(11 * MB).fill(0x41));
    await expect(importInWorker('request-schedule', big)).rejects.toThrow(
      'schedule.csv is 11 MB, far larger than any schedule of data requests (at most 10 MB), and was not read.',
    );
    const spec = bytesSource('spec.csv', new Uint8Array(11 * MB).fill(0x41));
    await expect(importInWorker('file-format', spec)).rejects.toThrow(
      /^spec\.csv is 11 MB, far larger than any file-format specification/,
    );
  });
});
