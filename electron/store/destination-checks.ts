// What a destination's fields must be before they are kept: nothing empty, a PEM CA file, and an
// https address (plain http only to this computer).
import { StoreError } from './errors';

export function checkFields(input: {
  name?: string;
  area?: string;
  username?: string;
  caPem?: string | null;
}): void {
  for (const [label, v] of [
    ['name', input.name],
    ['area', input.area],
    ['user name', input.username],
  ] as const) {
    if (v !== undefined && v.trim() === '')
      throw new StoreError('INVALID_INPUT', `The destination's ${label} must not be empty.`);
  }
  if (input.caPem != null && !input.caPem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new StoreError(
      'INVALID_INPUT',
      'The CA file is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).',
    );
  }
}

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
