import type { Provider } from '../../shared/history/types';
import { isUkprn, isUpin } from '../../shared/domain';
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
    if (!isUpin(input.upin)) {
      throw new StoreError(
        'INVALID_INPUT',
        `The UPIN '${input.upin}' must be six digits, leading zeros included (e.g. 012345).`,
      );
    }
    if (input.ukprn != null && !isUkprn(input.ukprn)) {
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

  /**
   * Corrects the name or sets the UKPRN (XML amendment files need it). A UKPRN that XML files in
   * the history already carry cannot be changed: those files would no longer match.
   */
  update(upin: string, change: { ukprn?: string; name?: string }): Provider {
    if (change.ukprn !== undefined && !isUkprn(change.ukprn))
      throw new StoreError('INVALID_INPUT', `The UKPRN '${change.ukprn}' must be eight digits.`);
    if (change.name !== undefined && change.name.trim() === '')
      throw new StoreError('INVALID_INPUT', 'The provider name must not be empty.');
    return inTransaction(this.ctx, () => {
      const before = this.get(upin);
      const ukprn = change.ukprn ?? before.ukprn;
      const name = change.name?.trim() ?? before.name;
      if (ukprn !== before.ukprn && before.ukprn !== null) {
        const { n } = this.ctx.db
          .prepare('SELECT count(*) AS n FROM xml_files WHERE provider_id = ?')
          .get(before.id) as { n: number };
        if (n > 0)
          throw new StoreError(
            'CONFLICT',
            `Provider ${upin} has ${n} XML file${n === 1 ? '' : 's'} with UKPRN ${before.ukprn} in the history; its UKPRN cannot be changed.`,
          );
      }
      if (ukprn === before.ukprn && name === before.name) return before;
      this.ctx.db
        .prepare('UPDATE providers SET ukprn = ?, name = ? WHERE id = ?')
        .run(ukprn, name, before.id);
      this.ctx.audit.append({
        action: 'provider.updated',
        subject: `provider:${upin}`,
        details: { before: { ukprn: before.ukprn, name: before.name }, after: { ukprn, name } },
      });
      return this.get(upin);
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
    if (!p) throw new StoreError('NOT_FOUND', `There is no provider with UPIN ${upin}.`);
    return p;
  }
}
