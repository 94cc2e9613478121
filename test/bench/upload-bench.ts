// Uploading 1 GiB over loopback to the reference server: throughput beside curl sending the same
// bytes to the same server in the same run, peak memory of the uploading process, and how many
// bytes go twice when the upload is killed halfway and resumed.
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startExtranet } from '../extranet/spawn';
import { NodeTransport } from '../../electron/upload/node-transport';
import { ExtranetClient } from '../../electron/upload/extranet-client';

const run = promisify(execFile);
const AREA = 'FAMD General upload area (GUA)';
const GROUP_KEY = 'P699 8C22EF79';
const USER = 'bench';
const PASSWORD = 'bench-password-not-secret';

export interface UploadBenchRow {
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  met: boolean;
}

async function makeFile(path: string, size: number): Promise<string> {
  const block = randomBytes(1 << 20);
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += block.length) {
    const part = block.subarray(0, Math.min(block.length, size - written));
    hash.update(part);
    if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return hash.digest('hex');
}

type ChildLine = {
  done?: boolean;
  ms?: number;
  startOffset?: number;
  sent?: number;
  maxRss?: number;
  killedAfterReading?: number;
  serverSha256?: string;
};

function child(job: Record<string, unknown>): Promise<ChildLine[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['bin/run-ts.mjs', 'test/bench/upload-child.ts', JSON.stringify(job)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.once('error', reject);
    p.once('exit', (code, signal) => {
      const lines = out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ChildLine);
      if (code !== 0 && signal !== 'SIGKILL')
        reject(new Error(`upload child failed (${code}): ${err}`));
      else resolve(lines);
    });
  });
}

export async function runUploadBench(
  log: (line: string) => void,
  size = 1 << 30,
): Promise<UploadBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-upload-bench-'));
  const server = await startExtranet({
    dataDir: join(dir, 'server'),
    users: [`${USER}:${PASSWORD}`],
    areas: [`${AREA}:${GROUP_KEY}`],
  });
  try {
    const file = join(dir, 'big.dat');
    log(`Writing a ${(size / 2 ** 30).toFixed(2)} GiB file...`);
    const sha256 = await makeFile(file, size);
    const base = {
      url: server.url,
      ca: server.ca,
      username: USER,
      password: PASSWORD,
      area: AREA,
      groupKey: GROUP_KEY,
      file,
      size,
      sha256,
    };

    // Reference: curl streams the same file into a tus upload created the same way.
    const client = new ExtranetClient(
      server.url,
      new NodeTransport(readFileSync(server.ca, 'utf8')),
      { username: USER, password: async () => PASSWORD },
    );
    const area = await client.join(GROUP_KEY);
    const target = await client.create('curl.dat', size, area.id, sha256);
    const tokenResponse = await new NodeTransport(readFileSync(server.ca, 'utf8')).request({
      method: 'POST',
      url: `${server.url}/api/v1/session`,
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify({ username: USER, password: PASSWORD })),
    });
    const token = (JSON.parse(tokenResponse.body.toString()) as { token: string }).token;
    log('Uploading with curl (reference)...');
    const t0 = performance.now();
    await run(
      'curl',
      [
        '-sS',
        '--fail',
        '--cacert',
        server.ca,
        '-X',
        'PATCH',
        '-T',
        file,
        '-H',
        'Expect:',
        '-H',
        'Tus-Resumable: 1.0.0',
        '-H',
        'Upload-Offset: 0',
        '-H',
        'Content-Type: application/offset+octet-stream',
        '-H',
        `Authorization: Bearer ${token}`,
        target,
      ],
      { maxBuffer: 1 << 20 },
    );
    const curlMs = performance.now() - t0;

    log('Uploading with ReturnDesk...');
    const ours = (
      await child({ ...base, name: 'returndesk.dat', urlFile: join(dir, 'url-1'), resume: false })
    ).find((l) => l.done);
    if (!ours?.ms || !ours.maxRss) throw new Error('the upload did not finish');
    if (ours.serverSha256 !== sha256) throw new Error('the server received other bytes');

    log('Killing an upload at 50% and resuming it...');
    const urlFile = join(dir, 'url-2');
    const killed = (
      await child({ ...base, name: 'resumed.dat', urlFile, resume: false, killAt: 0.5 })
    ).find((l) => l.killedAfterReading);
    const resumed = (await child({ ...base, name: 'resumed.dat', urlFile, resume: true })).find(
      (l) => l.done,
    );
    if (!killed?.killedAfterReading || resumed?.startOffset === undefined)
      throw new Error('the kill-and-resume run did not complete');
    const resent = Math.max(0, killed.killedAfterReading - resumed.startOffset);

    const mbps = (ms: number) => size / 1048576 / (ms / 1000);
    const ratio = mbps(ours.ms) / mbps(curlMs);
    return [
      {
        figure: 'upload throughput',
        value: `${mbps(ours.ms).toFixed(0)} MB/s`,
        reference: `${mbps(curlMs).toFixed(0)} MB/s curl`,
        ratio: ratio.toFixed(2),
        goal: '>= 0.7',
        met: ratio >= 0.7,
      },
      {
        figure: 'peak memory of the uploading process',
        value: `${(ours.maxRss / 1e6).toFixed(0)} MB`,
        reference: `${(size / 1e6).toFixed(0)} MB file`,
        ratio: (ours.maxRss / size).toFixed(3),
        goal: '< 200 MB',
        met: ours.maxRss < 200e6,
      },
      {
        figure: 'bytes re-sent after a kill at 50%',
        value: `${(resent / 1e6).toFixed(1)} MB`,
        reference: `${(size / 1e6).toFixed(0)} MB file`,
        ratio: (resent / size).toFixed(4),
        goal: '< 5% of the file',
        met: resent < size * 0.05,
      },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
