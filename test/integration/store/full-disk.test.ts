// A full disk: the history lives on a tiny file system of its own (a tmpfs, which needs root —
// as CI has); a change that cannot be written is refused in one line, and the history is intact
// once space is freed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, returndesk } from './support/cli';
import { TEXT_LIMITS } from '../../../shared/ipc/limits';

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1536k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'returndesk-full-'));
const mounted = process.getuid?.() === 0 && tryMount(dir);

afterAll(() => {
  if (mounted) execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk (needs root to mount a small tmpfs)', () => {
  const data = join(dir, 'history');
  const filler = join(dir, 'filler');

  beforeAll(async () => {
    await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside College']);
    await json(data, [
      'plan',
      'create',
      '--provider',
      '105432',
      '--year',
      '2010-11',
      '--title',
      'Corrections',
    ]);
  });

  it('refuses a change in one line, exit 1, and loses nothing once space is freed', async () => {
    // Fill every remaining byte.
    const chunk = Buffer.alloc(64 * 1024, 1);
    let n = 0;
    try {
      for (; n < 100; n++) writeFileSync(filler, chunk, { flag: n === 0 ? 'w' : 'a' });
    } catch {
      // ENOSPC: the disk is full, as wanted.
    }
    // The longest description accepted: more than a page of the history, so the change must grow it.
    const description = 'x'.repeat(TEXT_LIMITS.description);
    const r = await returndesk(data, [
      'plan',
      'add-row',
      '--plan',
      '1',
      '--kind',
      'DELETE',
      '--description',
      description,
      '--records',
      '1',
      '--due',
      '2011-04-30',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/full/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.includes('warning')).length,
    ).toBe(1);

    rmSync(filler);
    const plan = await json<{ rows: unknown[] }>(data, ['plan', 'show', '--plan', '1']);
    expect(plan.rows).toEqual([]);
    const audit = await json<{ ok: boolean }>(data, ['audit', 'verify']);
    expect(audit.ok).toBe(true);
  });
});
