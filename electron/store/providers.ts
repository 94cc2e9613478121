import type { Provider } from '../../shared/history/types';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

interface Row {
  id: number;
  upin: string;
  ukprn: string | null;
  name: string;
  created_at: string;
}

const toProvider = (r: Row): Provider => ({
  id: r.id,
  upin: r.upin,
  ukprn: r.ukprn,
  name: r.name,
  createdAt: r.created_at,
});

export class Providers {
  constructor(private readonly ctx: StoreContext) {}

  add(input: { upin: string; ukprn?: string | null; name: string }): Provider {
    if (!/^\d{6}$/.test(input.upin)) {
      throw new StoreError(
        'INVALID_INPUT',
        `The UPIN '${input.upin}' must be six digits, leading zeros included (e.g. 012345).`,
      );
    }
    if (input.ukprn != null && !/^\d{8}$/.test(input.ukprn)) {
      throw new StoreError('INVALID_INPUT', `The UKPRN '${input.ukprn}' must be eight digits.`);
    }
    if (input.name.trim() === '')
      throw new StoreError('INVALID_INPUT', 'The provider name must not be empty.');
    return inTransaction(this.ctx, () => {
      if (this.find(input.upin)) {
        throw new StoreError('CONFLICT', `A provider with UPIN ${input.upin} already exists.`);
      }
      const r = this.ctx.db
        .prepare(
          'INSERT INTO providers (upin, ukprn, name, created_at) VALUES (?, ?, ?, ?) RETURNING *',
        )
        .get(
          input.upin,
          input.ukprn ?? null,
          input.name.trim(),
          this.ctx.now().toISOString(),
        ) as Row;
      this.ctx.audit.append({
        action: 'provider.added',
        subject: `provider:${r.upin}`,
        details: { name: r.name, ukprn: r.ukprn },
      });
      return toProvider(r);
    });
  }

  list(): Provider[] {
    return read(this.ctx, () =>
      (this.ctx.db.prepare('SELECT * FROM providers ORDER BY upin').all() as Row[]).map(toProvider),
    );
  }

  find(upin: string): Provider | undefined {
    const r = this.ctx.db.prepare('SELECT * FROM providers WHERE upin = ?').get(upin) as
      Row | undefined;
    return r ? toProvider(r) : undefined;
  }

  get(upin: string): Provider {
    const p = read(this.ctx, () => this.find(upin));
    if (!p)
      throw new StoreError(
        'NOT_FOUND',
        `There is no provider with UPIN ${upin}; add it with 'returndesk provider add --upin ${upin} --name NAME'.`,
      );
    return p;
  }
}
