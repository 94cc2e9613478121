import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  fileToBase64,
  fileToText,
  readChosenFiles,
  sha256Hex,
} from '../../../renderer/app/bytes';

/** A chosen file the browser can no longer read, as when it was moved or is locked by Excel. */
class UnreadableFile extends Blob {
  constructor(readonly name: string) {
    super(['gone']);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  }
  override text(): Promise<string> {
    return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  }
}

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

  it('read a chosen file as base64, and its text as UTF-8', async () => {
    const file = new File(['Year,Tier\n2019,£1'], 'data.csv');
    expect(await fileToBase64(file)).toEqual({
      ok: true,
      value: Buffer.from('Year,Tier\n2019,£1').toString('base64'),
    });
    expect(await fileToText(file)).toEqual({ ok: true, value: 'Year,Tier\n2019,£1' });
  });

  it('say which chosen file could not be read and what to do, instead of rejecting', async () => {
    for (const read of [
      fileToBase64(new UnreadableFile('plan.xlsx')),
      fileToText(new UnreadableFile('plan.xlsx')),
    ]) {
      const r = await read;
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('CANNOT_OPEN');
      expect(r.error.message).toMatch(/^plan\.xlsx could not be read\. .*choose it again\.$/);
    }
  });

  it('name the first unreadable file of several', async () => {
    const r = await readChosenFiles([
      new File(['a'], 'A.XML'),
      new UnreadableFile('B.XML'),
      new UnreadableFile('C.XML'),
    ]);
    expect(r.ok ? 'read' : r.error.message).toMatch(/^B\.XML could not be read/);
    const both = await readChosenFiles([new File(['a'], 'A.XML'), new File(['bc'], 'B.XML')]);
    expect(both.ok && both.value.map((f) => [f.fileName, f.base64])).toEqual([
      ['A.XML', 'YQ=='],
      ['B.XML', 'YmM='],
    ]);
  });
});
