// Small preferences kept with the history, such as how a provider's MIS extract columns map to ILR
// fields (remembered so the mapping is done once). Never secrets: those live in the vault.
import type { StoreContext } from './context';
import { inTransaction, read } from './context';

export class Settings {
  constructor(private readonly ctx: StoreContext) {}

  get<T>(key: string, fallback: T): T {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
          { value: string } | undefined,
    );
    if (!r) return fallback;
    try {
      return JSON.parse(r.value) as T;
    } catch {
      return fallback;
    }
  }

  /** Sets a value that matters to auditors (who signs receipts), with an audit entry. */
  setAudited(key: string, value: unknown, action: string): void {
    inTransaction(this.ctx, () => {
      this.write(key, value);
      this.ctx.audit.append({ action, subject: `setting:${key}`, details: { value } });
    });
  }

  set(key: string, value: unknown): void {
    inTransaction(this.ctx, () => this.write(key, value));
  }

  private write(key: string, value: unknown): void {
    this.ctx.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }
}
