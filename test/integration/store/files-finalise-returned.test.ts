// The wizard's finalise against the data as returned: the operation works the records out from the
// two extracts as files.build does (the wizard's column mapping applied to both), keeps exactly
// the changed records with the fields that differ, and records which two extracts they came from.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CORRECTED_CSV, RETURNED_CSV } from '../../support/compare-pair';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { providerWithPlan } from './support/history';

const histories = useHistories('returndesk-finalise-returned-');
const app = useApp(() => histories.folder());

/** The pair without learners 5 and 8, whose keys are repeated; MIS names for three columns. */
const MIS = { A01: 'Provider', A03: 'Learner ref', A27: 'Start date' } as const;
const misNamed = (csv: string, dupes = false) => {
  const [header = '', ...rest] = csv.split('\r\n');
  const named = header
    .split(',')
    .map((h) => (h in MIS ? MIS[h as keyof typeof MIS] : h))
    .join(',');
  const kept = dupes
    ? rest
    : rest.filter((l) => !l.includes('000000000005') && !l.includes('000000000008'));
  return [named, ...kept].join('\r\n');
};
const bytes = (fileName: string, text: string) => ({
  fileName,
  base64: Buffer.from(text).toString('base64'),
});
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');
const columns = { Provider: 'A01', 'Learner ref': 'A03', 'Start date': 'A27' };

function finaliseInput(planId: number, returned: string, corrected: string) {
  return {
    planId,
    ref: 1,
    kind: 'CHANGE',
    dataSet: 'A',
    uniqueFields: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
    keys: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
    checksumField: 'auto',
    returned: bytes('returned.csv', returned),
    corrected: bytes('corrected.csv', corrected),
    columns,
  };
}

describe('files.finalise with the data as returned', () => {
  it('keeps exactly the changed records, the fields that differ, and the two extracts', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const [returned, corrected] = [misNamed(RETURNED_CSV), misNamed(CORRECTED_CSV)];
    const f = await ok('files.finalise', finaliseInput(plan.id, returned, corrected));
    expect(f).toMatchObject({ name: 'chg012345A01.amd', records: 3 });
    expect(f.computedFrom).toEqual({
      returned: { name: 'returned.csv', sha256: sha256(returned) },
      corrected: { name: 'corrected.csv', sha256: sha256(corrected) },
    });
    const { text } = await ok('files.get', { name: f.name });
    const lines = text.split('\r\n');
    expect(lines[4]).toBe('A01,A03,A05,A48a,A48b');
    expect(lines[5]).toBe('A27,A09,A11a');
    expect(lines.slice(12, -1).map((l) => l.split(',')[1])).toEqual([
      '000000000002',
      '000000000003',
      '000000000006',
    ]);
  });

  it('leaves out a column the user chose not to use, even one named as a field', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const input = finaliseInput(plan.id, misNamed(RETURNED_CSV), misNamed(CORRECTED_CSV));
    const f = await ok('files.finalise', { ...input, columns: { ...columns, A11a: '' } });
    const lines = (await ok('files.get', { name: f.name })).text.split('\r\n');
    expect(lines[5]).toBe('A27,A09');
    expect(lines[11]).toBe('A01,A03,A05,A48a,A48b,A27,A09');
  });

  it('makes a deletion file of the records only in the data as returned, as returned', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const [returned, corrected] = [misNamed(RETURNED_CSV), misNamed(CORRECTED_CSV)];
    const input = { ...finaliseInput(plan.id, returned, corrected), ref: 2, kind: 'DELETE' };
    const f = await ok('files.finalise', { ...input, reason: 'One aim was recorded twice.' });
    expect(f).toMatchObject({ name: 'del012345A01.amd', records: 1 });
    const { text } = await ok('files.get', { name: f.name });
    // The record as returned, by its keys (a deletion file holds the keys).
    expect(text.split('\r\n').slice(12, -1)).toEqual(['012345,000000000004,01,,']);
  });

  it('is refused, keeping nothing, when a key is on more than one record', async () => {
    const { host, call, ok } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const input = finaliseInput(
      plan.id,
      misNamed(RETURNED_CSV, true),
      misNamed(CORRECTED_CSV, true),
    );
    const r = await call('files.finalise', input);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    if (!r.ok) expect(r.error.message).toMatch(/A03=000000000005.*, or match on more fields\.$/);
    expect(await ok('files.list', {})).toEqual([]);
  });

  // The app shows the engine's refusal as it is: what to choose, never a command-line flag.
  it('says what to choose, naming no flag, when no field can carry the checksum', async () => {
    const { host, call } = app();
    const plan = providerWithPlan(host.store(), '105432');
    const extract = (start: string) => ['A01,A03,A27', `105432,000012345678,${start}`].join('\r\n');
    const r = await call('files.finalise', {
      ...finaliseInput(plan.id, extract('01092010'), extract('15092010')),
      uniqueFields: ['A01', 'A03'],
      keys: ['A01', 'A03'],
      columns: {},
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(
        /no checksum can be computed\. .*, or choose a checksum field yourself\.$/,
      );
      expect(r.error.message).not.toMatch(/--[a-z]/);
    }
  });

  it('needs records and fields without the data as returned', async () => {
    const { host, call } = app();
    const plan = providerWithPlan(host.store(), '012345');
    const input = { ...finaliseInput(plan.id, '', ''), returned: undefined, corrected: undefined };
    const r = await call('files.finalise', input);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
