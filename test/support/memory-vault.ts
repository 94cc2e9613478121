// An in-memory CredentialVault, for unit tests of code that uses the port only.
import type { CredentialVault } from '../../shared/ports';

export class MemoryVault implements CredentialVault {
  readonly secrets = new Map<string, string>();
  async get(account: string) {
    return this.secrets.get(account);
  }
  async set(account: string, secret: string) {
    this.secrets.set(account, secret);
  }
  async delete(account: string) {
    return this.secrets.delete(account);
  }
  async list() {
    return [...this.secrets.keys()].sort();
  }
}
