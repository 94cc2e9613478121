// A destination's own certificate authority, honoured for that destination's host only.
//
// Electron's net module verifies certificates with Chromium against the operating system's store
// (on Windows that includes the roots a college installs for its TLS-inspecting proxy). Chromium
// has no per-request "also trust this CA", so the upload session gets a certificate verify proc
// that leaves every verdict to Chromium except one case: Chromium's only complaint is an unknown
// authority, the host is one whose destination carries its own CA, and the presented chain —
// checked here with Node's X509Certificate — leads from a certificate valid for that host to that
// CA. Names, dates and signatures are still checked; the CA is never trusted for any other host,
// and the window's own session is untouched.
import { X509Certificate } from 'node:crypto';
import { isIP as isIpAddress } from 'node:net';

/** Electron's verify-proc answers: accept, or keep Chromium's own verdict (which may be a refusal). */
export const ACCEPT = 0;
export const USE_CHROMIUM_VERDICT = -3;

const ERR_CERT_AUTHORITY_INVALID = -202;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const MAX_CHAIN = 8;

/** The part of Electron's Certificate the check reads. */
export interface PresentedCertificate {
  data: string;
  issuerCert?: PresentedCertificate | null;
}

/** The part of Electron's verify-proc request the check reads. */
export interface VerifyRequest {
  hostname: string;
  certificate: PresentedCertificate;
  verificationResult: string;
  errorCode: number;
}

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** A CA file may hold several certificates (a root and its intermediates), as Node's `ca` allows. */
function splitPem(pem: string): string[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return blocks ?? [pem];
}

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate, now: Date): boolean {
  return (
    issuer.ca && validAt(issuer, now) && cert.checkIssued(issuer) && cert.verify(issuer.publicKey)
  );
}

function coversHost(cert: X509Certificate, hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIpAddress(host)) return cert.checkIP(host) !== undefined;
  // Names from the subjectAltName only, as Chromium requires; never the subject's common name.
  return cert.checkHost(host, { subject: 'never' }) !== undefined;
}

function forServers(cert: X509Certificate): boolean {
  // No extended key usage means any; one that is present must include TLS server authentication.
  const usage = cert.keyUsage as string[] | undefined;
  return !usage || usage.length === 0 || usage.includes(SERVER_AUTH);
}

/** True when `presented` is a valid server certificate for `hostname` that chains to one of `caPems`. */
export function chainsToOwnCa(
  hostname: string,
  presented: PresentedCertificate,
  caPems: readonly string[],
  now: Date = new Date(),
): boolean {
  const leaf = parse(presented.data);
  if (!leaf || leaf.ca || !validAt(leaf, now) || !forServers(leaf) || !coversHost(leaf, hostname))
    return false;
  const cas = caPems
    .flatMap(splitPem)
    .map(parse)
    .filter((c): c is X509Certificate => c !== undefined);
  let current = leaf;
  let next = presented.issuerCert ?? null;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (cas.some((ca) => issuedBy(current, ca, now))) return true;
    const issuer = next ? parse(next.data) : undefined;
    if (!issuer || !issuedBy(current, issuer, now)) return false;
    current = issuer;
    next = next?.issuerCert ?? null;
  }
  return false;
}

function authorityIsTheOnlyProblem(req: VerifyRequest): boolean {
  return (
    req.errorCode === ERR_CERT_AUTHORITY_INVALID ||
    /^(net::)?(ERR_)?CERT_AUTHORITY_INVALID$/.test(req.verificationResult)
  );
}

/** The verify proc's answer for one request, given the CAs trusted per host. */
export function certificateVerdict(
  req: VerifyRequest,
  casFor: (hostname: string) => readonly string[] | undefined,
  now: Date = new Date(),
): number {
  if (!authorityIsTheOnlyProblem(req)) return USE_CHROMIUM_VERDICT;
  const cas = casFor(req.hostname.toLowerCase());
  if (!cas || cas.length === 0) return USE_CHROMIUM_VERDICT;
  return chainsToOwnCa(req.hostname, req.certificate, cas, now) ? ACCEPT : USE_CHROMIUM_VERDICT;
}

/** The hosts whose destinations carry their own CA, and those CAs. */
export class OwnCaTrust {
  private readonly byHost = new Map<string, Set<string>>();

  trust(url: string, caPem: string | null | undefined): void {
    if (!caPem) return;
    const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const set = this.byHost.get(host) ?? new Set<string>();
    set.add(caPem);
    this.byHost.set(host, set);
  }

  casFor = (hostname: string): readonly string[] | undefined => {
    const set = this.byHost.get(hostname.toLowerCase().replace(/^\[|\]$/g, ''));
    return set ? [...set] : undefined;
  };

  /** For session.setCertificateVerifyProc. */
  verifyProc = (req: VerifyRequest, callback: (verdict: number) => void): void => {
    callback(certificateVerdict(req, this.casFor));
  };
}
