// A change file worked out from the data as returned and the corrected data, built against an
// approved plan row: the history keeps which two extracts it came from (names, SHA-256), and
// `files show` says so.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { UPIN, seedApprovedPlan } from './support/history';
import { json, returndesk } from './support/cli';
import { CORRECTED_CSV, RETURNED_CSV } from '../../support/compare-pair';

const histories = useHistories('returndesk-returned-');

/** The pair, for provider UPIN, without the records whose keys are repeated. */
const forProvider = (csv: string) =>
  csv
    .split('\r\n')
    .filter((l) => !l.includes('000000000005') && !l.includes('000000000008'))
    .join('\r\n')
    .replaceAll('012345', UPIN);

describe('a file built against the data as returned', () => {
  it('is kept with the names and SHA-256 of both extracts, shown with the file', async () => {
    const data = histories.folder();
    const plan = seedApprovedPlan(data);
    const returned = join(data, 'returned.csv');
    const corrected = join(data, 'corrected.csv');
    writeFileSync(returned, forProvider(RETURNED_CSV));
    writeFileSync(corrected, forProvider(CORRECTED_CSV));
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const computedFrom = {
      returned: { name: 'returned.csv', sha256: sha(forProvider(RETURNED_CSV)) },
      corrected: { name: 'corrected.csv', sha256: sha(forProvider(CORRECTED_CSV)) },
    };
    const built = await json<{ name: string; records: number }>(data, [
      'build',
      '--kind',
      'change',
      '--dataset',
      'A',
      '--checksum-field',
      'auto',
      '--returned',
      returned,
      '--from',
      corrected,
      '--plan-row',
      `${plan}:1`,
    ]);
    expect(built).toMatchObject({ records: 3, computedFrom });
    const shown = await json(data, ['files', 'show', built.name]);
    expect(shown).toMatchObject({ name: built.name, computedFrom });
    const text = await returndesk(data, ['files', 'show', built.name]);
    expect(text.stdout).toContain(
      `Computed from returned.csv (as returned, SHA-256 ${computedFrom.returned.sha256})`,
    );
    const listed = await json<{ name: string; computedFrom?: unknown }[]>(data, ['files', 'list']);
    expect(listed.find((f) => f.name === built.name)?.computedFrom).toEqual(computedFrom);
  });
});
