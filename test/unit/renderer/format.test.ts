import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime } from '../../../renderer/app/format';

describe('dates as shown to users', () => {
  it('are dd/mm/yyyy, with leading zeros, from the history’s YYYY-MM-DD', () => {
    expect(formatDate('2019-04-03')).toBe('03/04/2019');
    expect(formatDate('2018-09-28')).toBe('28/09/2018');
  });

  it('are blank where no date applies, and shown as given when not a date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });

  it('put instants on the UK clock, across the change to and from summer time', () => {
    expect(formatDateTime('2019-01-15T09:05:00.000Z')).toBe('15/01/2019 09:05');
    expect(formatDateTime('2019-07-15T23:30:00.000Z')).toBe('16/07/2019 00:30');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('sizes', () => {
  it('are in bytes, KB, MB or GB', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe('3.0 GB');
  });
});
