// The measurements: validation through the real streaming path, papaparse on the same bytes as the
// reference, and peak memory in a fresh child process.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { AmendmentFileValidator } from '../../shared/amd';
import { streamText } from '../../electron/files/text';
import type { GeneratedFile } from './generate';
import type { MemoryReport } from './memory-child';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Collects garbage left by the previous run when node runs with --expose-gc (npm run bench does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timed(run: () => Promise<void>): Promise<number> {
  collectGarbage();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** What `returndesk validate` does for one file: stream, decode, validate, report. */
export async function validateFile(file: GeneratedFile): Promise<void> {
  let validator: AmendmentFileValidator | undefined;
  await streamText(file.path, () => {
    validator = new AmendmentFileValidator({ fileName: file.name });
    return validator;
  });
  const report = validator?.end();
  if (!report?.valid || report.records !== file.records) {
    const rules = report?.findings.map((f) => f.rule).join(', ');
    throw new Error(`the benchmark file did not validate cleanly: ${rules ?? 'no report'}`);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The reference: read, decode and parse the same bytes with papaparse, every value as text. */
export async function papaparseFile(file: GeneratedFile): Promise<void> {
  const text = decodeUtf8(await readFile(file.path));
  const parsed = Papa.parse<string[]>(text, { header: false, dynamicTyping: false });
  if (parsed.data.length < file.records) throw new Error('papaparse returned too few rows');
}

/** A stricter reference: papaparse handing each row to a callback and keeping none. */
export async function papaparseRowsFile(file: GeneratedFile): Promise<void> {
  const text = decodeUtf8(await readFile(file.path));
  let rows = 0;
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    step: () => {
      rows++;
    },
  });
  if (rows < file.records) throw new Error('papaparse returned too few rows');
}

export interface Timing {
  name: string;
  runs: number[];
  best: number;
}

/** Runs each contender `rounds` times, interleaved so drift in the machine's speed hits all alike. */
export async function bestOfInterleaved(
  rounds: number,
  contenders: readonly { name: string; run: () => Promise<void> }[],
): Promise<Timing[]> {
  const runs = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of contenders.entries()) runs[i]?.push(await timed(c.run));
  }
  return contenders.map((c, i) => {
    const times = runs[i] ?? [];
    return { name: c.name, runs: times, best: Math.min(...times) };
  });
}

/**
 * Runs `script` (a TypeScript file, relative to the repository) in a fresh node process started
 * with the same loader as the command line, and returns the JSON it prints: each bench's memory
 * is measured in a process of its own, so nothing the parent holds is counted.
 */
export function jsonFromChild<T>(script: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.mjs', script, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => (out += s));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the memory child exited with code ${code}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** Validates `file` in a fresh process and returns the memory it reports. */
export async function memoryInChild(file: GeneratedFile): Promise<MemoryReport> {
  const report = await jsonFromChild<MemoryReport>(join('test', 'bench', 'memory-child.ts'), [
    file.path,
  ]);
  if (!report.valid || report.records !== file.records)
    throw new Error('the memory child did not validate the file cleanly');
  return report;
}
