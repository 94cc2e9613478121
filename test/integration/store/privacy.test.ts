// The history holds learners' personal data: on Linux and macOS nothing in the data folder may be
// read or written by group or others, whatever the umask; on Windows the folder's ACL is left as
// inherited. And copies a killed upload left half-written are cleared when the history opens.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { chmodSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { json, returndesk } from './support/cli';
import { Store } from '../../../electron/store';

const histories = useHistories('returndesk-privacy-');

/** Every folder and file under ROOT with its mode (permission bits only). */
function modes(root: string, under = ''): [string, number][] {
  const here: [string, number][] = [[under || '.', statSync(join(root, under)).mode & 0o777]];
  for (const e of readdirSync(join(root, under), { withFileTypes: true })) {
    const path = join(under, e.name);
    if (e.isDirectory()) here.push(...modes(root, path));
    else here.push([path, statSync(join(root, path)).mode & 0o777]);
  }
  return here;
}

const shared = (m: [string, number][]) => m.filter(([, mode]) => (mode & 0o077) !== 0);

const umask = process.umask();
afterEach(() => {
  process.umask(umask);
});

describe.runIf(process.platform !== 'win32')('the data folder on Linux and macOS', () => {
  it('is private to its owner after provider add, a backup and an upload copy, even under umask 000', async () => {
    process.umask(0);
    const data = join(histories.folder(), 'ReturnDesk');
    await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside College']);
    await json(data, ['backup']);
    await json(data, ['backup', '--to', join(data, 'by-hand.db')]);
    const store = histories.open(data);
    await store.content.putStream(Readable.from([Buffer.from('ILR file sent to the extranet\n')]));

    const all = modes(data);
    expect(all.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        '.',
        'returndesk.db',
        'by-hand.db',
        'backups',
        'content',
        expect.stringMatching(/^backups\/returndesk-manual-.*\.db$/),
        expect.stringMatching(/^content\/[0-9a-f]{64}$/),
      ]),
    );
    expect(shared(all)).toEqual([]);
    expect(all.find(([p]) => p === '.')?.[1]).toBe(0o700);
  });

  it('makes missing parents of the data folder as any folder is made, and only itself private', () => {
    process.umask(0o022);
    const data = join(histories.folder(), 'Colleges', 'Riverside', 'ReturnDesk');
    histories.open(data);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, '..')).mode & 0o777).toBe(0o755);
    expect(statSync(join(data, '..', '..')).mode & 0o777).toBe(0o755);
  });

  it('narrows a folder an earlier version left open, saying so once', async () => {
    const data = histories.folder();
    await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside College']);
    for (const [p] of modes(data))
      chmodSync(join(data, p), statSync(join(data, p)).isDirectory() ? 0o755 : 0o644);
    // A file of the user's own in a folder chosen with --data-dir is not ReturnDesk's to change.
    writeFileSync(join(data, 'notes.txt'), 'mine');
    chmodSync(join(data, 'notes.txt'), 0o644);

    const first = await returndesk(data, ['provider', 'list']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /^returndesk: warning: The data folder .* could be read by other users of this computer \(mode 0755\); it and its files are now private to you \(0700 and 0600\)\.\n$/,
    );
    expect(shared(modes(data))).toEqual([['notes.txt', 0o644]]);
    expect((await returndesk(data, ['provider', 'list'])).stderr).toBe('');
  });
});

describe('the data folder on Windows', () => {
  it('keeps the modes it inherited: nothing is narrowed or widened there', async () => {
    const data = histories.folder();
    await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside College']);
    chmodSync(data, 0o750);
    chmodSync(join(data, 'returndesk.db'), 0o640);
    const before = modes(data);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      const store = new Store(data);
      expect(store.warnings).toEqual([]);
      store.close();
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
    expect(modes(data)).toEqual(before);
  });
});

describe('copies left by a process killed while copying a file in', () => {
  it('are removed when the history opens; copies still being written are kept', () => {
    const data = histories.folder();
    histories.open(data).close();
    const content = join(data, 'content');
    mkdirSync(content, { recursive: true });
    // A process that has ended: its pid names no running process (for long enough to test).
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const put = (name: string, at: Date) => {
      writeFileSync(join(content, name), 'half a file');
      utimesSync(join(content, name), at, at);
    };
    put(`.incoming-${gone}-killed`, minutesAgo(5));
    put(`.incoming-${gone}-just-written`, new Date());
    put(`.incoming-${process.pid}-in-progress`, minutesAgo(5));
    put(`.incoming-${process.pid}-abandoned`, minutesAgo(25 * 60));

    histories.open(data);
    expect(readdirSync(content).sort()).toEqual(
      [`.incoming-${gone}-just-written`, `.incoming-${process.pid}-in-progress`].sort(),
    );
  });
});
