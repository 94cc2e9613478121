// The command line as `npm ci` builds it (scripts/build-cli.mjs): each command's code in chunks
// of its own so that `validate` starts without the history, vault, upload or workbook code, and
// the data-portal check running the worker built beside the bundle, away from the TypeScript
// sources it could otherwise fall back on.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { REPO_ROOT, crlf, writeIn } from '../../integration/cli';

const run = promisify(execFile);

/**
 * The chunk a dynamic import of SOURCE loads, and every chunk it imports statically (or, with
 * `dynamic`, also every chunk it may load later).
 */
function loadedWith(metafile: Metafile, source: string, dynamic = false) {
  const outputs = new Map(Object.entries(metafile.outputs).map(([k, v]) => [basename(k), v]));
  const start = [...outputs].find(([, o]) => o.entryPoint === source)?.[0];
  if (!start) throw new Error(`no chunk for ${source}`);
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of outputs.get(name)?.imports ?? [])
      if (
        (i.kind === 'import-statement' || (dynamic && i.kind === 'dynamic-import')) &&
        !i.external
      )
        visit(basename(i.path));
  };
  visit(start);
  const chunks = [...seen].map((n) => outputs.get(n));
  return {
    inputs: chunks.flatMap((c) => Object.keys(c?.inputs ?? {})),
    packages: chunks.flatMap((c) =>
      (c?.imports ?? []).filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path),
    ),
  };
}

describe('the built command line', () => {
  let out: string;
  let metafile: Metafile;

  beforeAll(async () => {
    // Outside the project, so the sources are out of reach; the native modules the bundle leaves
    // out are still found, in the project's node_modules.
    out = mkdtempSync(join(tmpdir(), 'rd-cli-bundle-'));
    ({ metafile } = await buildCli({ outdir: out }));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(out, 'node_modules'), 'junction');
    writeFileSync(
      join(out, 'run.mjs'),
      "const { main } = await import('./cli.mjs');\nprocess.exitCode = await main(process.argv.slice(2));\n",
    );
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('loads for validate none of the history, vault, upload or workbook code', () => {
    // validate runs files.check through dispatch, whose domain (checks) is loaded when called:
    // neither the command's code nor that domain's reaches the heavy code. (What every layer's
    // errors are, which knows them all, is loaded only when something fails.)
    const heavy = (inputs: string[]) =>
      inputs.filter((i) =>
        /electron\/(store|vault|upload|handlers)\/|node_modules\/exceljs\//.test(i),
      );
    const loaded = loadedWith(metafile, 'electron/cli/validate-command.ts');
    expect(loaded.inputs).toContain('electron/cli/validate-command.ts');
    expect(loaded.inputs).toContain('electron/operations/index.ts');
    expect(heavy(loaded.inputs)).toEqual([]);
    expect(loaded.packages).toEqual([]);
    const checks = loadedWith(metafile, 'electron/operations/checks.ts');
    expect(heavy(checks.inputs)).toEqual([]);
    expect(checks.packages).toEqual([]);
  });

  it('loads for portal check neither the history, the vault nor the upload code', () => {
    // What runs: the command's code, and the one domain of operations it calls, loaded on demand.
    const loaded = [
      loadedWith(metafile, 'electron/cli/portal-command.ts'),
      loadedWith(metafile, 'electron/operations/portal-check.ts'),
    ];
    const inputs = loaded.flatMap((l) => l.inputs);
    expect(inputs).toContain('electron/portal/check-csv.ts');
    expect(inputs).not.toContain('electron/operations/portal.ts');
    // Only the error classes dispatch maps, and where the history would be.
    const light = [
      'electron/store/errors.ts',
      'electron/store/data-folder.ts',
      'electron/upload/upload-error.ts',
      'electron/upload/transport.ts',
    ];
    const heavy = inputs.filter(
      (i) =>
        /electron\/(store|vault|upload|handlers)\/|node_modules\/exceljs\//.test(i) &&
        !light.includes(i),
    );
    expect(heavy).toEqual([]);
    expect(loaded.flatMap((l) => l.packages)).toEqual([]);
  });

  it('loads the history and its native SQLite module for the commands that use it', () => {
    // The session loads them when it opens the history.
    const loaded = loadedWith(metafile, 'electron/cli/files-command.ts', true);
    expect(loaded.inputs.some((i) => i.startsWith('electron/store/'))).toBe(true);
    expect(loaded.packages).toContain('better-sqlite3');
  });

  it('checks a data CSV in the worker built beside it: a normal file, and a runaway expression stopped', async () => {
    const spec = await writeIn(
      out,
      'spec.csv',
      crlf([
        'Name,Description,Position,Validation Regular Expression',
        'Year,Year,1,^\\d{4}$',
        'Tier,Tier,2,^\\d*\\d*\\d*\\d*\\d*$',
      ]),
    );
    const good = await writeIn(out, 'good.csv', crlf(['Year,Tier', '2019,12']));
    const bad = await writeIn(out, 'bad.csv', crlf(['Year,Tier', `2019,${'1'.repeat(200)}x`]));
    const check = (data: string) =>
      run(
        process.execPath,
        ['run.mjs', 'portal', 'check', '--json', '--time-limit', '2', '--format', spec, data],
        { cwd: out },
      ).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const [ok, stuck] = await Promise.all([check(good), check(bad)]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, rows: 1, findings: [] });
    expect(stuck.code).toBe(1);
    expect(JSON.parse(stuck.stdout)).toMatchObject({
      valid: false,
      findings: [{ rule: 'CSV_CHECK_TIMEOUT', row: 2, column: 'Tier' }],
    });
  });

  it('says in one line how to build it, exit code 2, when it has not been built', async () => {
    const project = join(out, 'unbuilt');
    mkdirSync(join(project, 'bin'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'bin', 'returndesk.mjs'), join(project, 'bin', 'returndesk.mjs'));
    const r = await run(process.execPath, [
      join(project, 'bin', 'returndesk.mjs'),
      'validate',
      'x.amd',
    ]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'returndesk: the command line is not built yet; run npm run build:cli first.\n',
    );
  });
});
