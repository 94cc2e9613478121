// Where `npm start` looks for an Electron runtime: the electron package's own download, or the
// folder ELECTRON_OVERRIDE_DIST_PATH names. (What `npm start` does without one is an integration
// test: test/integration/electron/start.test.ts.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../scripts/electron-runtime.mjs';

const folders: string[] = [];
const temp = () => {
  const f = mkdtempSync(join(tmpdir(), 'rd-runtime-'));
  folders.push(f);
  return f;
};
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('finding an Electron runtime without downloading one', () => {
  function fakeProject(files: Record<string, string>): string {
    const dir = temp();
    for (const [rel, text] of Object.entries(files)) {
      const file = join(dir, rel);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
    }
    return dir;
  }

  it('reports no runtime when the binary was never downloaded', () => {
    const dir = fakeProject({ 'node_modules/electron/package.json': '{}' });
    expect(findElectronRuntime({ root: dir, env: {} })).toEqual({
      binary: null,
      reason: 'No Electron runtime is installed on this machine (it downloads on first run)',
    });
  });

  it('finds the downloaded binary, and notices when it has gone', () => {
    const dir = fakeProject({
      'node_modules/electron/package.json': '{}',
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '',
    });
    expect(findElectronRuntime({ root: dir, env: {} })).toEqual({
      binary: join(dir, 'node_modules/electron/dist/electron'),
    });
    rmSync(join(dir, 'node_modules/electron/dist/electron'));
    expect(findElectronRuntime({ root: dir, env: {} }).binary).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dir = fakeProject({ 'node_modules/electron/package.json': '{}', 'dist/electron': '' });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') };
    expect(findElectronRuntime({ root: dir, env, platform: 'linux' })).toEqual({
      binary: join(dir, 'dist', 'electron'),
    });
  });
});
