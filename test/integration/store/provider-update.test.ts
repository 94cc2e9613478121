// Setting a provider's UKPRN after it was added (XML amendment files need it), on a real SQLite
// file: audited, validated, and refused once XML files in the history carry the old one.
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import { UKPRN, UPIN, keep, writeXml, xmlProviderWithPlan } from './support/xml';

const histories = useHistories('returndesk-provider-');

describe('provider update', () => {
  it('sets the UKPRN of a provider added without one, and audits before and after', () => {
    const store = histories.open();
    store.providers.add({ upin: '012345', name: 'Riverside' });
    const p = store.providers.update('012345', { ukprn: '00007928' });
    expect(p).toMatchObject({ upin: '012345', ukprn: '00007928', name: 'Riverside' });
    expect(actionsSince(store, 0)).toEqual(['provider.added', 'provider.updated']);
  });

  it('changes nothing, and writes no audit entry, when nothing differs', () => {
    const store = histories.open();
    store.providers.add({ upin: '012345', ukprn: '00007928', name: 'Riverside' });
    const audit = lastAuditId(store);
    store.providers.update('012345', { ukprn: '00007928', name: ' Riverside ' });
    expect(lastAuditId(store)).toBe(audit);
  });

  it.each([
    [{ ukprn: '1234' }, 'INVALID_INPUT', /eight digits/],
    [{ name: '  ' }, 'INVALID_INPUT', /must not be empty/],
  ] as const)('refuses %j', (change, code, says) => {
    const store = histories.open();
    store.providers.add({ upin: '012345', name: 'Riverside' });
    expectStoreError(() => store.providers.update('012345', change), code, says);
    expect(store.providers.get('012345').ukprn).toBeNull();
  });

  it('refuses an unknown provider', () => {
    const store = histories.open();
    expectStoreError(() => store.providers.update('999999', { ukprn: '00007928' }), 'NOT_FOUND');
  });

  it('refuses to change a UKPRN that XML files in the history carry', async () => {
    const store = histories.open();
    xmlProviderWithPlan(store);
    await keep(store, writeXml(histories.folder(), '01'));
    expectStoreError(
      () => store.providers.update(UPIN, { ukprn: '10000000' }),
      'CONFLICT',
      /1 XML file with UKPRN/,
    );
    expect(store.providers.get(UPIN).ukprn).toBe(UKPRN);
    // The name can still be corrected.
    expect(store.providers.update(UPIN, { name: 'Riverside College' }).name).toBe(
      'Riverside College',
    );
  });
});
