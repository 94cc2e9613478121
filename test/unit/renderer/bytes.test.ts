import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, sha256Hex } from '../../../renderer/app/bytes';

describe('file bytes for the contract', () => {
  it('round-trip through base64 exactly as Node encodes them', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(b64)).toEqual(bytes);
  });

  it('encode an empty file as an empty string', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(base64ToBytes('')).toEqual(new Uint8Array());
  });

  it('give the SHA-256 in the history’s hex form', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
