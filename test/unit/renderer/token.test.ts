import { describe, expect, it } from 'vitest';
import { takeToken } from '../../../renderer/api/token';

describe('the token in the address', () => {
  it('is read and removed, leaving other parameters in place', () => {
    expect(takeToken('?token=abc-_123')).toEqual({ token: 'abc-_123', search: '' });
    expect(takeToken('?lang=en&token=abc')).toEqual({ token: 'abc', search: '?lang=en' });
  });

  it('is null when absent or empty (after a reload the cookie carries it)', () => {
    expect(takeToken('')).toEqual({ token: null, search: '' });
    expect(takeToken('?token=')).toEqual({ token: null, search: '' });
  });
});
