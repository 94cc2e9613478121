// The plan row beside the file: every difference said, and a reason asked only for a different
// number of records.
import { describe, expect, it } from 'vitest';
import {
  needsReason,
  notesWithReason,
  rowDifferences,
  rowFieldCodes,
} from '../../../renderer/screens/files/wizard/row-match';

const ROW = { kind: 'CHANGE' as const, fields: 'A27, a05', records: 3 };

describe('the plan row beside the file', () => {
  it('says nothing when the file is what the row describes', () => {
    expect(
      rowDifferences(ROW, { kind: 'CHANGE', records: 3, changedFields: ['A05', 'A27'] }),
    ).toEqual([]);
  });

  it('names more records, and fields changed or not named', () => {
    expect(
      rowDifferences(ROW, { kind: 'CHANGE', records: 477953, changedFields: ['A27', 'A09'] }),
    ).toEqual([
      'The row is for 3 records; the file holds 477,953 records (more).',
      'The row names A05, which the file does not change.',
      'The file changes A09, which the row does not name.',
    ]);
  });

  it('reads "All fields" as naming none', () => {
    expect(rowFieldCodes('All fields')).toBeNull();
    expect(rowFieldCodes('A27;A05')).toEqual(['A27', 'A05']);
  });

  it('asks for a reason only when a count differs', () => {
    expect(needsReason(ROW, [3])).toBe(false);
    expect(needsReason(ROW, [3, 2])).toBe(true);
  });

  it('writes the reason on the first empty notes line, or nowhere', () => {
    expect(notesWithReason(['', ''], 'one learner left')).toEqual([
      'Records differ from the action plan row: one learner left',
      '',
    ]);
    expect(notesWithReason(['Note', ''], 'x')?.[1]).toMatch(/x$/);
    expect(notesWithReason(['a', 'b'], 'x')).toBeNull();
  });
});
