// The server's own certificate authority and server certificate, made with node-forge on first start
// and reused afterwards: ReturnDesk trusts a per-destination CA file, so the CA must stay the same for
// as long as the data folder lives, or every configured destination would break.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  key: string;
  cert: string;
  caPath: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_DAYS = 3650;
// Under 825 days: the longest validity macOS and some TLS stacks accept for a server certificate.
const SERVER_DAYS = 800;

function serialNumber(): string {
  // Positive (top bit clear) and unique enough that a re-issued certificate never repeats one.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, days: number): void {
  // A minute in the past, so a client whose clock is slightly behind still accepts it.
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS);
}

function makeCa(): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, CA_DAYS);
  // A per-folder suffix, so two data folders' CAs are never mistaken for each other.
  const subject = [
    {
      name: 'commonName',
      value: `ReturnDesk reference extranet CA ${randomBytes(4).toString('hex')}`,
    },
    { name: 'organizationName', value: 'ReturnDesk test extranet' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert };
}

function makeServerCert(
  caKey: forge.pki.rsa.PrivateKey,
  caCert: forge.pki.Certificate,
): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, SERVER_DAYS);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    // `keyIdentifier: true` would name this certificate's own key, so pass the CA's explicitly.
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { key: keys.privateKey, cert };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  // Temp + rename: a kill in the middle never leaves half a key that would fail every later start.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, path);
}

/** Loads DIR/tls/, creating the CA and server certificate when missing or no longer usable. */
export async function ensureTls(dataDir: string): Promise<TlsMaterial> {
  const dir = join(dataDir, 'tls');
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const caPath = join(dir, 'ca.pem');
  const caKeyPath = join(dir, 'ca-key.pem');
  const certPath = join(dir, 'server.pem');
  const keyPath = join(dir, 'server-key.pem');

  let ca: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } | undefined;
  const [caPem, caKeyPem] = await Promise.all([readIfPresent(caPath), readIfPresent(caKeyPath)]);
  if (caPem !== undefined && caKeyPem !== undefined) {
    try {
      ca = {
        cert: forge.pki.certificateFromPem(caPem),
        key: forge.pki.privateKeyFromPem(caKeyPem),
      };
    } catch {
      ca = undefined;
    }
  }
  const freshCa = ca === undefined;
  if (ca === undefined) {
    ca = makeCa();
    await writeAtomically(caKeyPath, forge.pki.privateKeyToPem(ca.key), 0o600);
    // The CA certificate is public: clients (possibly another account) must be able to read it.
    await writeAtomically(caPath, forge.pki.certificateToPem(ca.cert), 0o644);
  }

  const [certPem, keyPem] = await Promise.all([readIfPresent(certPath), readIfPresent(keyPath)]);
  if (!freshCa && certPem !== undefined && keyPem !== undefined && stillGood(certPem, ca.cert)) {
    return { key: keyPem, cert: certPem, caPath };
  }
  // Re-issue from the same CA when the server certificate is missing, expiring or from another CA:
  // clients keep trusting the CA file they already have.
  const server = makeServerCert(ca.key, ca.cert);
  const cert = forge.pki.certificateToPem(server.cert);
  const key = forge.pki.privateKeyToPem(server.key);
  await writeAtomically(keyPath, key, 0o600);
  await writeAtomically(certPath, cert, 0o644);
  return { key, cert, caPath };
}

function stillGood(certPem: string, caCert: forge.pki.Certificate): boolean {
  try {
    const cert = forge.pki.certificateFromPem(certPem);
    return cert.validity.notAfter.getTime() > Date.now() + DAY_MS && caCert.verify(cert);
  } catch {
    return false;
  }
}
