// Side effects behind small interfaces, so the pure core can be tested with fakes and the real
// implementations (file system, SQLite, credential vault, HTTPS) live in electron/.

/** The current instant. Calendar questions ("today in England") go through shared/dates. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The operating system's credential vault (Windows Credential Manager, macOS Keychain, Secret
 * Service). Accounts are named `<destination id>:<user name>`; secrets never go anywhere else.
 */
export interface CredentialVault {
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Account names only, never secrets. */
  list(): Promise<string[]>;
}

/** The vault cannot be reached (no Secret Service, access denied): ask for the password instead. */
export class VaultUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(
      `The system credential vault is not available (${reason}), so ReturnDesk will ask for the password each time; it never stores it anywhere else.`,
    );
    this.name = 'VaultUnavailableError';
  }
}
