// vitest's globalSetup: bundles the reference extranet (test/extranet/main.ts) once per run, so
// each of the hundred-odd servers the tests start runs plain JavaScript instead of compiling the
// same TypeScript again through tsx (about 0.4 s of CPU each). Tests find the bundle through
// EXTRANET_BUNDLE (test/extranet/spawn.ts); without it, as in `npm run bench`, they run the sources.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { EXTRANET_BUNDLE, EXTRANET_MAIN } from '../extranet/spawn';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-extranet-bundle-'));
  const outfile = join(dir, 'extranet.cjs');
  // Everything bundled (its packages are plain JavaScript), so it runs from any folder.
  await build({
    entryPoints: [EXTRANET_MAIN],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  // Set before the test workers start, which inherit this process's environment.
  process.env[EXTRANET_BUNDLE] = outfile;
  return () => rmSync(dir, { recursive: true, force: true });
}
