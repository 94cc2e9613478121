// A 200 MB file is checked in constant memory: the check runs in a fresh process, the way
// `returndesk validate` runs, and its operating-system peak resident set size is the figure.
// Memory only: timings are the benchmark's business (npm run bench -- xml).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { XmlMemoryReport } from '../../support/ilr-xml-memory-child';
import { writeIlrXmlFile } from '../../support/ilr-xml';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MB = 1_000_000;

function checkInChild(path: string): Promise<XmlMemoryReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.mjs', join('test', 'support', 'ilr-xml-memory-child.ts'), path],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as XmlMemoryReport)
        : reject(new Error(`the checking process exited with ${code}: ${err}`)),
    );
  });
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('checking a 200 MB ILR XML file', () => {
  it('stays under 150 MB peak resident memory', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'returndesk-xml-memory-'));
    dirs.push(dir);
    const file = await writeIlrXmlFile(dir, 200 * MB);
    expect(file.bytes).toBeGreaterThanOrEqual(200 * MB);
    const m = await checkInChild(file.path);
    expect(m.rules).toEqual([]);
    expect(m.valid).toBe(true);
    expect(m.learners).toBe(file.learners);
    expect(m.learningDeliveries).toBe(file.deliveries);
    expect(m.maxRss, `peak RSS ${(m.maxRss / MB).toFixed(1)} MB`).toBeLessThan(150 * MB);
  });
});
