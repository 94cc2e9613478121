// On Windows the data folder's privacy is the per-user ACL of %LOCALAPPDATA%: ReturnDesk issues
// no mode change there, so nothing it does can widen (or otherwise alter) what it inherited.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makePrivateFile,
  makePrivateFolder,
  reservePrivateFile,
  tightenDataFolder,
  tightenFile,
} from '../../../electron/store/private-files';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function openFolder(): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'returndesk-modes-'));
  folders.push(folder);
  const file = join(folder, 'returndesk.db');
  writeFileSync(file, '');
  chmodSync(folder, 0o755);
  chmodSync(file, 0o644);
  return { folder, file };
}

const mode = (p: string) => statSync(p).mode & 0o777;

describe.runIf(process.platform !== 'win32')('private files', () => {
  it('on win32: no mode is changed, whatever is asked', () => {
    const { folder, file } = openFolder();
    expect(tightenDataFolder(folder, 'win32')).toBeUndefined();
    makePrivateFolder(folder, 'win32');
    makePrivateFile(file, 0o600, 'win32');
    tightenFile(file, 'win32');
    expect(reservePrivateFile(join(folder, 'new.db'), 'win32')).toBe(true);
    expect([mode(folder), mode(file)]).toEqual([0o755, 0o644]);
  });

  it('elsewhere: a folder open to others and its files are narrowed to their owner', () => {
    const { folder, file } = openFolder();
    expect(tightenDataFolder(folder, 'linux')).toMatch(/\(mode 0755\)/);
    expect([mode(folder), mode(file)]).toEqual([0o700, 0o600]);
    expect(tightenDataFolder(folder, 'linux')).toBeUndefined();
  });
});
