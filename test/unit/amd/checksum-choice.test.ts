// The suggested checksum field: a sum that only counts records (a key that is 01 throughout, the
// provider field) is the last choice; a changed field whose values vary is the first; and the
// reason shown says which case it is.
import { describe, expect, it } from 'vitest';
import { chooseChecksumField, planFromExtract } from '../../../shared/amd';

const column = (field: string, ...values: string[]) => ({ field, values });

describe('the checksum suggestion', () => {
  it('never takes a key whose values are all 01 when a varying field exists', () => {
    const r = chooseChecksumField(
      [column('A05', '01', '01', '01'), column('A27', '105', '107', '105')],
      [],
      'A',
      { keys: ['A05'] },
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A27', added: false } });
    expect(r.ok && r.choice.reason).toContain('not a key field');
  });

  it('prefers the changed field where it qualifies, and says so', () => {
    const r = chooseChecksumField(
      [column('A05', '01', '02'), column('A11a', '105', '107'), column('A27', '3', '4')],
      [],
      'A',
      { keys: ['A05'], changed: ['A27'] },
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A27' } });
    expect(r.ok && r.choice.reason).toContain('field being changed');
  });

  it('passes over a changed field that does not qualify', () => {
    const r = chooseChecksumField(
      [column('A05', '01', '02'), column('A09', 'Z0001', 'Z0002'), column('A11a', '105', '107')],
      [],
      'A',
      { keys: ['A05'], changed: ['A09'] },
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A11a' } });
  });

  it('takes a varying key before a field that is the same on every record', () => {
    const r = chooseChecksumField(
      [column('A05', '01', '02'), column('A11a', '105', '105')],
      [],
      'A',
      { keys: ['A05'] },
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A05' } });
    expect(r.ok && r.choice.reason).toContain('key field');
  });

  it('says a constant field only counts the records when nothing better exists', () => {
    const r = chooseChecksumField([column('A05', '01', '01')], [], 'A', { keys: ['A05'] });
    expect(r).toMatchObject({ ok: true, choice: { field: 'A05' } });
    expect(r.ok && r.choice.reason).toContain('only counts the records');
  });

  it('chooses the same way from an extract, with the recommended keys', () => {
    const r = planFromExtract(
      {
        header: ['L01', 'L03', 'A05', 'A03', 'A09', 'A27'],
        rows: [
          ['012345', '000012345678', '01', '000012345678', '50087876', '7'],
          ['012345', '000098765432', '01', '000098765432', '50087876', '9'],
        ],
      },
      {
        kind: 'CHANGE',
        dataSet: 'A',
        keys: ['A03', 'A05'],
        changed: ['A27'],
        checksumField: 'auto',
      },
    );
    expect(r.ok && r.plan.checksum.field).toBe('A27');
  });
});
