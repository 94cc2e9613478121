// What the regulator's file checks share: reading a file line by line in constant memory, and a
// report that lists at most 20 messages of each code, so a file broken on every line stays readable.
import { createReadStream } from 'node:fs';
import type { VerificationMessage } from './state';

/** No real .amd or CSV line comes near this; a longer one is not such a file and is not buffered. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Per code, so a file broken on every record still gives a short report. */
const MAX_MESSAGES_PER_CODE = 20;

export class Report {
  readonly messages: VerificationMessage[] = [];
  private readonly counts = new Map<string, number>();

  add(code: string, message: string, line: number | null): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= MAX_MESSAGES_PER_CODE) this.messages.push({ code, message, line });
  }

  has(code: string): boolean {
    return this.counts.has(code);
  }

  finish(): VerificationMessage[] {
    for (const [code, n] of this.counts) {
      if (n > MAX_MESSAGES_PER_CODE) {
        const more = n - MAX_MESSAGES_PER_CODE;
        this.messages.push({
          code,
          message: `${more} more ${code} problems are not listed.`,
          line: null,
        });
      }
    }
    return this.messages;
  }
}

/**
 * Lines of a file without their CR/LF, in order; refuses to buffer an endless line. Splitting at LF
 * bytes is safe for UTF-8 too: no other character's encoding contains the byte 0x0A.
 */
export async function* linesOf(path: string, encoding: 'latin1' | 'utf8'): AsyncGenerator<string> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let nl = buf.indexOf(0x0a);
    while (nl !== -1) {
      const end = nl > 0 && buf[nl - 1] === 0x0d ? nl - 1 : nl;
      yield buf.toString(encoding, 0, end);
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(0x0a);
    }
    if (buf.length > MAX_LINE_BYTES) throw new LineTooLong();
    pending = Buffer.from(buf);
  }
  if (pending.length > 0) {
    const end = pending[pending.length - 1] === 0x0d ? pending.length - 1 : pending.length;
    yield pending.toString(encoding, 0, end);
  }
}

export class LineTooLong extends Error {}
