// Command-line options of the reference extranet server. Parsed with a schema like every other input,
// so a typo in a test's options fails loudly instead of starting a server that behaves differently.
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isCalendarDate } from './calendar';

export interface SeedUser {
  name: string;
  password: string;
}

export interface SeedArea {
  name: string;
  groupKey: string;
}

export interface Faults {
  /** Cut every PATCH connection once this many bytes of its body are stored. */
  dropAfter: number | undefined;
  /** Probability of answering a request with 503 before doing anything. */
  errorRate: number;
  /** Delay added before every response, in milliseconds. */
  slowMs: number;
  /** Flip one stored byte of every completed upload before hashing it, so receipts do not match. */
  corrupt: boolean;
  /** Answer every tus create with a Location on another origin (the next port of the same host). */
  foreignLocation: boolean;
}

export interface Options {
  port: number;
  dataDir: string;
  /** Users from --user; empty means "keep the stored users, or seed the demo user". */
  users: SeedUser[];
  /** Areas from --area; empty means "keep the stored areas, or seed the three defaults". */
  areas: SeedArea[];
  /** Absolute paths of the --requests files, read at start. */
  requestFiles: string[];
  /** --today: the portal's date, instead of today's date in Europe/London. */
  today: string | undefined;
  sessionTtlSeconds: number;
  verifyDelayMs: number;
  faults: Faults;
  seed: number;
}

export const DEFAULT_USER: SeedUser = { name: 'demo', password: 'demo-password' };

// The two upload areas named in HEFCE's guide to amending ILR data, and a collection space for the
// data portal's requests (Ofqual's portal has no group keys; here an area stands in for the portal).
export const DEFAULT_AREAS: readonly SeedArea[] = [
  { name: 'ILR amendment upload area', groupKey: '9LON-XV33-2PYZ-EN8S' },
  { name: 'FAMD General upload area (GUA)', groupKey: 'P699 8C22EF79' },
  { name: 'Ofqual Data Portal', groupKey: 'OFQL-2019-DATA-PORT' },
];

export const USAGE = `usage: npm run extranet -- [--port 0] [--data DIR] [--user NAME:PASSWORD]...
       [--area "NAME:GROUPKEY"]... [--requests FILE]... [--today YYYY-MM-DD]
       [--session-ttl SECONDS] [--verify-delay MS]
       [--fault drop-after=BYTES] [--fault error-rate=R] [--fault slow=MS] [--fault corrupt]
       [--fault foreign-location] [--seed N]`;

export class UsageError extends Error {}

const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^\d+$/, `${what} must be a whole number`)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), `${what} is too large`);

// A password may contain ':' but a user name may not, so split at the first colon.
const userSpec = z.string().transform((s, ctx): SeedUser => {
  const at = s.indexOf(':');
  const name = at > 0 ? s.slice(0, at) : '';
  const password = at > 0 ? s.slice(at + 1) : '';
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(name) || password.length === 0) {
    // The value is not echoed: it may well be a password typed without its name.
    ctx.addIssue({
      code: 'custom',
      message: '--user should be NAME:PASSWORD, NAME made of letters, digits and . _ @ -',
    });
    return z.NEVER;
  }
  return { name, password };
});

// An area name may contain ':' more plausibly than a group key, so split at the last colon.
const areaSpec = z.string().transform((s, ctx): SeedArea => {
  const at = s.lastIndexOf(':');
  const name = at > 0 ? s.slice(0, at).trim() : '';
  const groupKey = at > 0 ? s.slice(at + 1).trim() : '';
  if (name.length === 0 || name.length > 200 || groupKey.replace(/[\s-]/g, '').length === 0) {
    // Not echoed either: a group key is a secret.
    ctx.addIssue({ code: 'custom', message: '--area should be "NAME:GROUPKEY"' });
    return z.NEVER;
  }
  return { name, groupKey };
});

const faultSpec = z.string().transform((s, ctx) => {
  if (s === 'corrupt' || s === 'foreign-location') return { kind: s, value: 1 };
  const m = /^(drop-after|error-rate|slow)=(.+)$/.exec(s);
  const value = m?.[2] ?? '';
  const kind = m?.[1];
  const isWhole = /^\d+$/.test(value) && Number.isSafeInteger(Number(value));
  if (kind === 'drop-after' && isWhole && Number(value) > 0) return { kind, value: Number(value) };
  if (kind === 'slow' && isWhole) return { kind, value: Number(value) };
  const rate = Number(value);
  if (kind === 'error-rate' && /^[\d.]+$/.test(value) && rate >= 0 && rate <= 1) {
    return { kind, value: rate };
  }
  ctx.addIssue({
    code: 'custom',
    message: `--fault "${s}" should be drop-after=BYTES (> 0), error-rate=R (0 to 1), slow=MS, corrupt or foreign-location`,
  });
  return z.NEVER;
});

const argsSchema = z.object({
  port: wholeNumber('--port')
    .refine((n) => n <= 65535, '--port must be at most 65535')
    .default(0),
  data: z.string().min(1).optional(),
  user: z.array(userSpec).default([]),
  area: z.array(areaSpec).default([]),
  requests: z.array(z.string().min(1, '--requests needs a file name')).default([]),
  today: z.string().refine(isCalendarDate, '--today must be a real date, YYYY-MM-DD').optional(),
  'session-ttl': wholeNumber('--session-ttl')
    .refine((n) => n > 0, '--session-ttl must be at least 1')
    .default(3600),
  'verify-delay': wholeNumber('--verify-delay').default(500),
  fault: z.array(faultSpec).default([]),
  seed: wholeNumber('--seed').default(1),
});

export function parseOptions(argv: readonly string[]): Options | 'help' {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        user: { type: 'string', multiple: true },
        area: { type: 'string', multiple: true },
        requests: { type: 'string', multiple: true },
        today: { type: 'string' },
        'session-ttl': { type: 'string' },
        'verify-delay': { type: 'string' },
        fault: { type: 'string', multiple: true },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help === true) return 'help';
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  }
  const a = parsed.data;
  const faults: Faults = {
    dropAfter: undefined,
    errorRate: 0,
    slowMs: 0,
    corrupt: false,
    foreignLocation: false,
  };
  for (const f of a.fault) {
    if (f.kind === 'drop-after') faults.dropAfter = f.value;
    else if (f.kind === 'error-rate') faults.errorRate = f.value;
    else if (f.kind === 'corrupt') faults.corrupt = true;
    else if (f.kind === 'foreign-location') faults.foreignLocation = true;
    else faults.slowMs = f.value;
  }
  return {
    port: a.port,
    // Outside the repository by default, and stable, so a developer's manual runs keep their state.
    dataDir: resolve(a.data ?? join(tmpdir(), 'returndesk-extranet')),
    users: a.user,
    areas: a.area,
    requestFiles: a.requests.map((f) => resolve(f)),
    today: a.today,
    sessionTtlSeconds: a['session-ttl'],
    verifyDelayMs: a['verify-delay'],
    faults,
    seed: a.seed,
  };
}
