// The credential vault over @napi-rs/keyring: Windows Credential Manager, macOS Keychain, or the
// Secret Service on Linux. Failures become VaultUnavailableError with the reason in one line —
// never with the secret, and never with the native library's stack.
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import type { CredentialVault } from '../../shared/ports';
import { VaultUnavailableError } from '../../shared/ports';

export const VAULT_SERVICE = 'ReturnDesk';

/** Windows Credential Manager holds at most 2,560 bytes, stored as UTF-16. */
export const MAX_SECRET_CHARS = 1280;

export class SecretTooLongError extends Error {
  constructor() {
    super(
      `A secret longer than ${MAX_SECRET_CHARS} characters cannot be kept in the Windows Credential Manager.`,
    );
  }
}

function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // The native message carries a backtrace after its cause (with "at FILE:LINE" lines of its own);
  // keep only what comes before it, and of that the innermost cause.
  const cause = text.split(/\n\s*Stack backtrace:/)[0] ?? '';
  const lines = cause
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'Caused by:' && !/^\d+:/.test(l) && !/^at /.test(l));
  return (lines.at(-1) ?? 'unknown error').replace(/^Couldn't access platform storage: /, '');
}

export class KeyringVault implements CredentialVault {
  constructor(private readonly service = VAULT_SERVICE) {}

  async get(account: string): Promise<string | undefined> {
    let secret: string | undefined;
    try {
      secret = (await new AsyncEntry(this.service, account).getPassword()) ?? undefined;
    } catch (e) {
      // "no result found" / "no entry" mean the vault works and holds nothing for this account.
      if (/no (matching )?entry|no result found/i.test(reasonOf(e))) return undefined;
      throw new VaultUnavailableError(reasonOf(e));
    }
    // @napi-rs/keyring answers "nothing" both for a missing entry and for an unreachable vault;
    // only a vault that answers a search really holds nothing for this account.
    if (secret === undefined) await this.reachable();
    return secret;
  }

  async set(account: string, secret: string): Promise<void> {
    if (secret.length > MAX_SECRET_CHARS) throw new SecretTooLongError();
    try {
      await new AsyncEntry(this.service, account).setPassword(secret);
    } catch (e) {
      throw new VaultUnavailableError(reasonOf(e));
    }
  }

  async delete(account: string): Promise<boolean> {
    let deleted: boolean;
    try {
      deleted = await new AsyncEntry(this.service, account).deleteCredential();
    } catch (e) {
      if (/no (matching )?entry|no result found/i.test(reasonOf(e))) return false;
      throw new VaultUnavailableError(reasonOf(e));
    }
    // As for get: "false" may also mean the vault could not be reached.
    if (!deleted) await this.reachable();
    return deleted;
  }

  async list(): Promise<string[]> {
    try {
      return (await findCredentialsAsync(this.service)).map((c) => c.account).sort();
    } catch (e) {
      throw new VaultUnavailableError(reasonOf(e));
    }
  }

  private async reachable(): Promise<void> {
    await this.list();
  }
}

/** Vault accounts: a destination's password, and its upload area's group key. */
export const vaultAccount = {
  password: (destinationId: number, username: string) => `${destinationId}:${username}`,
  /** The area the destination was added with keeps the entry it always had; others have their own. */
  groupKey: (destinationId: number, areaId?: number) =>
    areaId === undefined
      ? `${destinationId}#group-key`
      : `${destinationId}#group-key#area-${areaId}`,
};
