// Who may use browser mode. `serve` hands out one-time codes in the addresses it opens and prints;
// the page exchanges its code (POST /api/session) for a session token that it keeps itself and
// sends in a header with every call. No cookie is ever set: a cookie for 127.0.0.1 would be sent
// to every port on the machine, so any local page the browser visits would receive it.
//
// A code works once. Presented again, it is refused, and the session it opened is ended too: a
// code is only presented twice when someone else had it (read from the command line that opened
// the browser, say), so whoever came first loses access and the user, refused, opens the other
// address `serve` printed. Codes and tokens are kept only as SHA-256 digests, so looking one up
// reveals nothing through timing about the others.
import { createHash, randomBytes } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest('base64url');
const secret = () => randomBytes(32).toString('base64url');

export type Redeemed = { token: string } | { refused: 'CODE_USED' | 'CODE_UNKNOWN' };

export class Sessions {
  /** Unused codes, each with what to do once it is used. */
  private readonly codes = new Map<string, () => void>();
  /** Used codes, with the token each opened (null once that session has ended). */
  private readonly used = new Map<string, string | null>();
  private readonly tokens = new Set<string>();
  private readonly ended = new Set<(token: string) => void>();

  /** A fresh one-time code; `onRedeemed` runs once it has been exchanged. */
  newCode(onRedeemed: () => void = () => undefined): string {
    const code = secret();
    this.codes.set(digest(code), onRedeemed);
    return code;
  }

  redeem(code: string): Redeemed {
    const key = digest(code);
    const then = this.codes.get(key);
    if (then) {
      this.codes.delete(key);
      const token = secret();
      const t = digest(token);
      this.tokens.add(t);
      this.used.set(key, t);
      then();
      return { token };
    }
    if (!this.used.has(key)) return { refused: 'CODE_UNKNOWN' };
    const opened = this.used.get(key);
    if (opened) {
      this.tokens.delete(opened);
      this.used.set(key, null);
      for (const l of this.ended) l(opened);
    }
    return { refused: 'CODE_USED' };
  }

  valid(token: string | undefined): boolean {
    return token !== undefined && this.tokens.has(digest(token));
  }

  /** Calls `listener` with a session's digest (see key) when it ends. */
  onEnded(listener: (key: string) => void): () => void {
    this.ended.add(listener);
    return () => this.ended.delete(listener);
  }

  /** What onEnded names a session by. */
  key(token: string): string {
    return digest(token);
  }
}
