// `returndesk build --returned`: the change, addition and deletion files worked out from a
// returned and a corrected extract hold exactly the changed, added and deleted records, and pass
// the validator.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CORRECTED_CSV, RETURNED_CSV, withoutRepeatedKeys } from '../support/compare-pair';
import type { BuildJson, BuildOptions } from './cli';
import { buildArgs, expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();

async function pair(
  returned = withoutRepeatedKeys(RETURNED_CSV),
  corrected = withoutRepeatedKeys(CORRECTED_CSV),
) {
  const dir = await tempDir();
  return {
    dir,
    returned: await writeIn(dir, 'returned.csv', returned),
    corrected: await writeIn(dir, 'corrected.csv', corrected),
  };
}

/** Builds from the pair, then validates the file written; the file's lines. */
async function built(options: BuildOptions) {
  const p = await pair();
  const out = join(p.dir, 'out');
  const r = await runCli(
    buildArgs(p.corrected, out, {
      returned: p.returned,
      changed: undefined,
      json: true,
      ...options,
    }),
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as BuildJson & { computedFrom: unknown };
  const path = join(out, json.name);
  const check = await runCli(['validate', path, '--json']);
  expect(check.code, check.stdout).toBe(0);
  const lines = iconv.decode(await readFile(path), 'win1252').split('\r\n');
  return { json, lines };
}

const ref = (n: number) => String(n).padStart(12, '0');

describe('returndesk build --returned', () => {
  it('a change file holds exactly the changed records and the fields that differ', async () => {
    const { json, lines } = await built({});
    expect(lines[4]).toBe('A01,A03,A05,A48a,A48b');
    expect(lines[5]).toBe('A27,A09,A11a');
    expect(lines[6]).toBe('3');
    expect(lines[11]).toBe(`A01,A03,A05,A48a,A48b,A27,A09,A11a`);
    expect(lines.slice(12, -1)).toEqual([
      `012345,${ref(2)},01,,,15092010,50087876,105`,
      `012345,${ref(3)},01,,,01092010,50087876,107`,
      `012345,${ref(6)},01,,,01092010,50087876,105`,
    ]);
    expect(json.records).toBe(3);
    expect(json.computedFrom).toMatchObject({
      returned: { name: 'returned.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      corrected: { name: 'corrected.csv' },
    });
  });

  it('a change file with named fields holds the records that differ in them', async () => {
    const { lines } = await built({ changed: 'A27' });
    expect(lines[5]).toBe('A27');
    expect(lines.slice(12, -1).map((l) => l.split(',')[1])).toEqual([ref(2), ref(6)]);
  });

  it('an addition file holds exactly the added records', async () => {
    const { lines } = await built({ kind: 'add', 'addition-type': '2' });
    expect(lines[3]).toBe('ADD');
    expect(lines.slice(12, -1)).toHaveLength(1);
    expect(lines[12]).toContain(ref(7));
  });

  it('a deletion file holds exactly the deleted records, as returned', async () => {
    const { lines } = await built({ kind: 'delete' });
    expect(lines[3]).toBe('DELETE');
    expect(lines.slice(12, -1)).toHaveLength(1);
    expect(lines[12]).toContain(ref(4));
  });

  it('refuses duplicate keys in one line, nothing written', async () => {
    const p = await pair(RETURNED_CSV, CORRECTED_CSV);
    const out = join(p.dir, 'out');
    const r = await runCli(buildArgs(p.corrected, out, { returned: p.returned, changed: 'auto' }));
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^returndesk: .*more than one record, A01=012345 A03=000000000005/);
    expect(r.stderr).toMatch(
      /, or match on more fields\. Name the fields to match on with --keys\.\n$/,
    );
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses --changed auto without --returned', async () => {
    const p = await pair();
    const r = await runCli(buildArgs(p.corrected, join(p.dir, 'out'), { changed: 'auto' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--changed auto needs .* --returned/);
  });
});
