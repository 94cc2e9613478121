// `returndesk compare` on a returned and a corrected extract with known differences: the text for
// people, the JSON for scripts, and duplicate keys as a failure naming them.
import { describe, expect, it } from 'vitest';
import { CORRECTED_CSV, EXPECTED, RETURNED_CSV } from '../support/compare-pair';
import { returndesk } from '../support/cli';
import { expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();

/** The pair without the records whose keys are repeated. */
const withoutDuplicates = (csv: string, learner: string) =>
  csv
    .split('\r\n')
    .filter((l) => !l.includes(learner))
    .join('\r\n');

async function compare(returned: string, corrected: string, ...more: string[]) {
  const dir = await tempDir();
  const r = await writeIn(dir, 'returned.csv', returned);
  const c = await writeIn(dir, 'corrected.csv', corrected);
  return runCli(['compare', '--dataset', 'A', '--returned', r, '--corrected', c, ...more]);
}

describe('returndesk compare', () => {
  it('prints exactly the JSON fields, and fails naming the duplicate keys in one line', async () => {
    const r = await compare(RETURNED_CSV, CORRECTED_CSV, '--json');
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'dataset',
      'keys',
      'records',
      'changed',
      'added',
      'deleted',
      'unchanged',
      'changedFields',
      'duplicateKeys',
    ]);
    expect(json).toMatchObject({
      dataset: 'A',
      keys: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
      records: EXPECTED.records,
      changed: { count: 3, records: EXPECTED.changed },
      added: { count: 1, records: [{ key: EXPECTED.added[0], record: 6 }] },
      deleted: { count: 1, records: [{ key: EXPECTED.deleted[0], record: 4 }] },
      unchanged: 1,
      changedFields: EXPECTED.changedFields,
      duplicateKeys: EXPECTED.duplicateKeys,
    });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^returndesk: 2 keys are on more than one record/);
    expect(lines[0]).toContain('A03=000000000005');
    expect(lines[0]).toContain('returned.csv records 5, 6');
    expect(lines[0]).toContain('corrected.csv records 7, 8');
  });

  it('tells people the counts, the fields and old -> new, and succeeds without duplicate keys', async () => {
    const returned = withoutDuplicates(RETURNED_CSV, '000000000005');
    const corrected = withoutDuplicates(
      withoutDuplicates(CORRECTED_CSV, '000000000005'),
      '000000000008',
    );
    const r = await compare(returned, corrected);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 changed, 1 added, 1 deleted, 1 unchanged.');
    expect(r.stdout).toContain('Fields that differ: A27, A09, A11a.');
    expect(r.stdout).toContain(
      'A01=012345 A03=000000000003 A05=01 A48a="" A48b="": A09 60012345 -> 50087876; A11a 105 -> 107',
    );
    expect(r.stdout).toContain('A27 1092010 -> 01092010');
    expect(r.stdout).toContain('Not compared, columns of corrected.csv: MIS_NAME.');
  });

  it('refuses a key column missing from an extract in one line, exit 2', async () => {
    const r = await compare(RETURNED_CSV, CORRECTED_CSV, '--keys', 'A01,A03,A99');
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^returndesk: The returned extract has no column A99; .*\n$/);
    // The engine's words, then the flag this door names.
    expect(r.stderr).toMatch(/, or name the keys to match on\. Name them with --keys\.\n$/);
  });

  it('refuses a data set other than L, A or H, naming the flag', async () => {
    const r = await compare(RETURNED_CSV, CORRECTED_CSV, '--dataset', 'X');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dataset/);
  });

  it('refuses a worker heap for extracts that is not a size in megabytes, in one line', async () => {
    const dir = await tempDir();
    const r = await writeIn(dir, 'r.csv', RETURNED_CSV);
    const c = await writeIn(dir, 'c.csv', CORRECTED_CSV);
    const run = await returndesk(['compare', '--dataset', 'A', '--returned', r, '--corrected', c], {
      env: { RETURNDESK_EXTRACT_HEAP_MB: '2GB' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^returndesk: RETURNDESK_EXTRACT_HEAP_MB must be a whole number of megabytes from 32 to 16384; unset it to use the default\./,
    );
  });
});
