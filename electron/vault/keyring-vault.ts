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
  // The native message carries a backtrace after its first lines; keep the cause only.
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\d+:/.test(l) && l !== 'Stack backtrace:' && l !== 'Caused by:');
  return (lines.at(-1) ?? 'unknown error').replace(/^Couldn't access platform storage: /, '');
}

export class KeyringVault implements CredentialVault {
  constructor(private readonly service = VAULT_SERVICE) {}

  async get(account: string): Promise<string | undefined> {
    try {
      return (await new AsyncEntry(this.service, account).getPassword()) ?? undefined;
    } catch (e) {
      // "no result found" / "no entry" mean the vault works and holds nothing for this account.
      if (/no (matching )?entry|no result found/i.test(reasonOf(e))) return undefined;
      throw new VaultUnavailableError(reasonOf(e));
    }
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
    try {
      return await new AsyncEntry(this.service, account).deleteCredential();
    } catch (e) {
      if (/no (matching )?entry|no result found/i.test(reasonOf(e))) return false;
      throw new VaultUnavailableError(reasonOf(e));
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await findCredentialsAsync(this.service)).map((c) => c.account).sort();
    } catch (e) {
      throw new VaultUnavailableError(reasonOf(e));
    }
  }
}

/** Vault accounts: a destination's password, and its upload area's group key. */
export const vaultAccount = {
  password: (destinationId: number, username: string) => `${destinationId}:${username}`,
  groupKey: (destinationId: number) => `${destinationId}#group-key`,
};
