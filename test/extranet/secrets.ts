// Passwords and group keys are stored scrypt-hashed; session tokens are stored as SHA-256 digests, so
// the state file on disk never holds anything a reader could replay.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Node's defaults (N = 2^14, r = 8, p = 1): tens of milliseconds per check, which is what slows
// guessing while keeping a test's logins quick.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later without breaking old hashes. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(secret, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A hash of a random password, checked against when the user name is unknown so that a wrong name
// takes as long to refuse as a wrong password.
let decoy: Promise<string> | undefined;
export async function spendLikeAVerify(secret: string): Promise<void> {
  decoy ??= hashSecret(randomBytes(16).toString('hex'));
  await verifySecret(secret, await decoy);
}

/** Group keys compare without spaces, hyphens or case: `p6998c22ef79` is `P699 8C22EF79`. */
export function normaliseGroupKey(key: string): string {
  return key.replace(/[\s-]/g, '').toUpperCase();
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
