import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appLayout,
  chromiumProfileFolder,
  dataDirArgument,
  dataFolderFor,
  readAppVersion,
} from '../../../electron/shell/launch';
import { createElectronHost } from '../../../electron/shell/electron-host';
import { eventChannel } from '../../../electron/shell/ipc-names';
import { createOperations, dispatch } from '../../../electron/operations';
import { MemoryVault } from '../../support/memory-vault';

const folders: string[] = [];
function tempFolder(): string {
  const f = mkdtempSync(join(tmpdir(), 'rd-electron-'));
  folders.push(f);
  return f;
}
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('launch options', () => {
  it('finds --data-dir among Electron and Chromium switches, in either spelling', () => {
    expect(dataDirArgument(['electron', '.', '--data-dir', 'D:\\rd'])).toBe('D:\\rd');
    expect(dataDirArgument(['ReturnDesk.exe', '--no-sandbox-x', '--data-dir=/tmp/a'])).toBe(
      '/tmp/a',
    );
    expect(dataDirArgument(['x', '--data-dir=/a', '--data-dir', '/b'])).toBe('/b');
    expect(dataDirArgument(['x', '--data-dir'])).toBeUndefined();
    expect(dataDirArgument(['x', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['x', '--inspect=0'])).toBeUndefined();
  });

  it('prefers --data-dir, then RETURNDESK_DATA_DIR, like the command line', () => {
    expect(dataFolderFor(['x', '--data-dir', '/a'], { RETURNDESK_DATA_DIR: '/b' })).toBe(
      resolve('/a'),
    );
    expect(dataFolderFor(['x'], { RETURNDESK_DATA_DIR: '/b' })).toBe(resolve('/b'));
  });

  it("keeps Chromium's profile inside the data folder, one per folder", () => {
    expect(chromiumProfileFolder('/data/rd')).toBe(join('/data/rd', 'chromium'));
  });

  it('finds the preload, the renderer and package.json from the bundle folder', () => {
    const layout = appLayout(join('/app', 'dist', 'app'));
    expect(layout).toEqual({
      preload: join('/app', 'dist', 'app', 'preload.cjs'),
      rendererDir: join('/app', 'dist', 'renderer'),
      packageJson: join('/app', 'package.json'),
    });
  });

  it("reads our version, not Electron's", () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'package.json'), '{"version":"1.2.3"}');
    expect(readAppVersion(join(dir, 'package.json'))).toBe('1.2.3');
    expect(readAppVersion(join(dir, 'missing.json'))).toBe('0.0.0');
  });
});

describe('the Electron host', () => {
  it('answers in electron mode and sends events on their fixed channels', async () => {
    const sent: [string, unknown][] = [];
    const host = createElectronHost({
      dataFolder: tempFolder(),
      version: '9.9.9',
      vault: new MemoryVault(),
      transportFor: () => {
        throw new Error('no network in this test');
      },
      send: (channel, payload) => sent.push([channel, payload]),
    });
    try {
      const info = await dispatch(createOperations(host), 'app.info', undefined);
      expect(info).toMatchObject({
        ok: true,
        value: { mode: 'electron', version: '9.9.9', firstRun: true },
      });
      host.emit('history.changed', { tables: ['uploads'] });
      expect(sent).toEqual([[eventChannel('history.changed'), { tables: ['uploads'] }]]);
      const reopened = await host.reopen(async () => 'done');
      expect(reopened).toBe('done');
      expect(host.store().providers.list()).toEqual([]);
    } finally {
      host.close();
    }
  });
});
