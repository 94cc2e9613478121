import { describe, expect, it } from 'vitest';
import { amendmentFileName, parseAmendmentFileName } from '../../../shared/amd';

describe('amendment file names', () => {
  it('writes change, addition and deletion names with leading zeros kept', () => {
    expect(amendmentFileName({ kind: 'CHANGE', provider: '012345', dataSet: 'A', seq: 1 })).toBe(
      'chg012345A01.amd',
    );
    expect(
      amendmentFileName({ kind: 'ADD', provider: '012345', dataSet: 'H', additionType: 1, seq: 3 }),
    ).toBe('add012345H103.amd');
    expect(amendmentFileName({ kind: 'DELETE', provider: '105432', dataSet: 'L', seq: 12 })).toBe(
      'del105432L12.amd',
    );
  });

  it('reads a name back into its parts', () => {
    const r = parseAmendmentFileName('add105432A302.amd');
    expect(r).toEqual({
      ok: true,
      name: {
        kind: 'ADD',
        provider: '105432',
        dataSet: 'A',
        additionType: 3,
        seq: 2,
        reference: 'add105432A302',
      },
    });
  });

  it.each([
    ['chg10543A01.amd', 'six digits'],
    ['chg105432A00.amd', '00'],
    ['add105432A01.amd', 'addition type'],
    ['add105432A402.amd', 'must be 1, 2 or 3'],
    ['chg105432X01.amd', 'data set letter'],
    ['chg105432A01.txt', '.amd'],
    ['upd105432A01.amd', 'chg, add or del'],
  ])('rejects %s', (name, why) => {
    const r = parseAmendmentFileName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(why);
  });
});
