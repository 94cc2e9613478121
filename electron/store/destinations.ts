// Destinations: where files are uploaded (an extranet upload area or a data portal). The password
// and the area's group key are in the credential vault, never here.
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

export interface Destination {
  id: number;
  name: string;
  url: string;
  area: string;
  username: string;
  caPem: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  name: string;
  url: string;
  area: string;
  username: string;
  ca_pem: string | null;
  created_at: string;
}

const toDestination = (r: Row): Destination => ({
  id: r.id,
  name: r.name,
  url: r.url,
  area: r.area,
  username: r.username,
  caPem: r.ca_pem,
  createdAt: r.created_at,
});

/** https only; plain http only to this machine, for tests against the reference server. */
export function checkDestinationUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StoreError(
      'INVALID_INPUT',
      `'${url}' is not a web address; give it like https://extranet.example.ac.uk/.`,
    );
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    throw new StoreError(
      'INVALID_INPUT',
      `'${url}' is not https: ReturnDesk sends files only over an encrypted connection.`,
    );
  }
  return u.origin + u.pathname.replace(/\/+$/, '');
}

export class Destinations {
  constructor(private readonly ctx: StoreContext) {}

  add(input: {
    name: string;
    url: string;
    area: string;
    username: string;
    caPem?: string | null;
  }): Destination {
    const url = checkDestinationUrl(input.url);
    for (const [label, v] of [
      ['name', input.name],
      ['area', input.area],
      ['user name', input.username],
    ] as const) {
      if (v.trim() === '')
        throw new StoreError('INVALID_INPUT', `The destination's ${label} must not be empty.`);
    }
    if (input.caPem != null && !input.caPem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new StoreError(
        'INVALID_INPUT',
        'The CA file is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).',
      );
    }
    return inTransaction(this.ctx, () => {
      if (this.find(input.name))
        throw new StoreError('CONFLICT', `A destination named '${input.name}' already exists.`);
      const r = this.ctx.db
        .prepare(
          'INSERT INTO destinations (name, url, area, username, ca_pem, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
        )
        .get(
          input.name.trim(),
          url,
          input.area.trim(),
          input.username.trim(),
          input.caPem ?? null,
          this.ctx.now().toISOString(),
        ) as Row;
      this.ctx.audit.append({
        action: 'destination.added',
        subject: `destination:${r.name}`,
        details: { url, area: r.area, username: r.username, ca: r.ca_pem !== null },
      });
      return toDestination(r);
    });
  }

  list(): Destination[] {
    return read(this.ctx, () =>
      (this.ctx.db.prepare('SELECT * FROM destinations ORDER BY name').all() as Row[]).map(
        toDestination,
      ),
    );
  }

  find(name: string): Destination | undefined {
    const r = this.ctx.db.prepare('SELECT * FROM destinations WHERE name = ?').get(name) as
      Row | undefined;
    return r ? toDestination(r) : undefined;
  }

  get(name: string): Destination {
    const d = read(this.ctx, () => this.find(name));
    if (!d) throw new StoreError('NOT_FOUND', `There is no destination named '${name}'.`);
    return d;
  }

  byId(id: number): Destination {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT * FROM destinations WHERE id = ?').get(id) as Row | undefined,
    );
    if (!r) throw new StoreError('NOT_FOUND', `There is no destination ${id}.`);
    return toDestination(r);
  }
}
