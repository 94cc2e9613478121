// Secrets typed this session, where the credential vault cannot keep them: held in main's memory
// for as long as ReturnDesk runs (one store per host, so every domain's operations share it), and
// never written to the history, logs or the renderer. The user is told they are not remembered
// after ReturnDesk closes.
import type { OperationHost } from './host';
import { VaultUnavailableError } from '../../shared/ports';

export class SessionSecrets {
  private readonly secrets = new Map<string, string>();

  get(account: string): string | undefined {
    return this.secrets.get(account);
  }

  set(account: string, secret: string): void {
    this.secrets.set(account, secret);
  }

  delete(account: string): boolean {
    return this.secrets.delete(account);
  }

  has(account: string): boolean {
    return this.secrets.has(account);
  }
}

const SESSIONS = new WeakMap<OperationHost, SessionSecrets>();

export function sessionSecrets(host: OperationHost): SessionSecrets {
  let s = SESSIONS.get(host);
  if (!s) {
    s = new SessionSecrets();
    SESSIONS.set(host, s);
  }
  return s;
}

/** The entry holding the audit passphrase typed (or piped) this session (audit-passphrase.ts). */
export const AUDIT_PASSPHRASE = 'audit-passphrase';

/** What the user is told when a secret is held for this session only. */
export const KEPT_FOR_SESSION =
  'Kept in memory for this session only: it is not remembered after ReturnDesk closes.';

/**
 * A secret typed for one call that worked: where the vault cannot keep it, it is held for the
 * session so the next check or upload need not ask again. With a vault, nothing is kept unasked.
 */
export async function holdIfNoVault(
  host: OperationHost,
  account: string,
  secret: string,
): Promise<void> {
  try {
    await host.vault.list();
  } catch (e) {
    if (e instanceof VaultUnavailableError) sessionSecrets(host).set(account, secret);
    else throw e;
  }
}
