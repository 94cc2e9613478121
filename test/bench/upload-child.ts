// One upload in its own process, so the benchmark can read its peak memory and kill it halfway.
// Reads its job from argv[2] (JSON); prints JSON lines on stdout.
import { createReadStream, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { Transform } from 'node:stream';
import { NodeTransport } from '../../electron/upload/node-transport';
import { ExtranetClient } from '../../electron/upload/extranet-client';
import { Uploader } from '../../electron/upload/uploader';

interface Job {
  url: string;
  ca: string;
  username: string;
  password: string;
  area: string;
  groupKey: string;
  file: string;
  name: string;
  size: number;
  sha256: string;
  urlFile: string;
  resume: boolean;
  /** Kill this process (SIGKILL) once this fraction of the file has been read from disk. */
  killAt?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const client = new ExtranetClient(job.url, new NodeTransport(readFileSync(job.ca, 'utf8')), {
  username: job.username,
  password: async () => job.password,
});
const uploader = new Uploader(client, { areaName: job.area, groupKey: async () => job.groupKey });
const resumeUrl = job.resume ? readFileSync(job.urlFile, 'utf8') : null;
const startOffset = resumeUrl ? ((await client.offset(resumeUrl)) ?? 0) : 0;
let read = startOffset;

const source = {
  sha256: job.sha256,
  size: job.size,
  open: (offset: number) =>
    createReadStream(job.file, { start: offset, highWaterMark: 1 << 20 }).pipe(
      new Transform({
        transform(chunk: Buffer, _e, done) {
          read += chunk.length;
          if (job.killAt !== undefined && read >= job.size * job.killAt) {
            // Exact: nothing beyond `read` bytes has left this process when it dies.
            writeSync(1, `${JSON.stringify({ killedAfterReading: read })}\n`);
            process.kill(process.pid, 'SIGKILL');
          }
          done(null, chunk);
        },
      }),
    ),
};

const started = performance.now();
const receipt = await uploader.send(job.name, source, resumeUrl, (url) =>
  writeFileSync(job.urlFile, url),
);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ done: true, ms, startOffset, sent: job.size - startOffset, serverSha256: receipt.sha256, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
