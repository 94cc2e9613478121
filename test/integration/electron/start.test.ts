// `npm start` where no Electron runtime exists (as here): one line saying so, then browser mode.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const folders: string[] = [];
const temp = () => {
  const f = mkdtempSync(join(tmpdir(), 'rd-start-'));
  folders.push(f);
  return f;
};
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('npm start without an Electron runtime', () => {
  it('says why in one line, then serves the app in browser mode', async () => {
    const dataDir = temp();
    // An override pointing nowhere makes "no runtime" certain even where one is installed.
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'start.mjs'), '--no-open', '--data-dir', dataDir],
      {
        cwd: root,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron-here') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      expect(first).toMatch(/, so ReturnDesk opens in your browser instead\.$/);
      const second = (await lines.next()).value as string;
      const { url } = JSON.parse(second) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=/);
      const res = await fetch(url);
      expect(res.status).not.toBe(403);
      // The page exchanges the printed one-time code for its session token, as a browser does.
      const origin = new URL(url).origin;
      const session = await fetch(`${origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ code: new URL(url).searchParams.get('code') }),
      });
      const { token } = (await session.json()) as { token: string };
      const api = await fetch(`${origin}/api/call/app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-returndesk-token': token },
        body: '{}',
      });
      expect(await api.json()).toMatchObject({
        ok: true,
        value: { mode: 'browser', dataFolder: dataDir },
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
