import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  ACCEPT,
  OwnCaTrust,
  USE_CHROMIUM_VERDICT,
  certificateVerdict,
  chainsToOwnCa,
} from '../../../electron/shell/certificate-trust';
import type { VerifyRequest } from '../../../electron/shell/certificate-trust';

type Issued = { pem: string; key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate };
const DAY = 86_400_000;
let serial = 1;

function issue(
  subject: string,
  opts: {
    issuer?: Issued;
    ca?: boolean;
    names?: { dns?: string[]; ip?: string[] };
    from?: Date;
    to?: Date;
  } = {},
): Issued {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = opts.from ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = opts.to ?? new Date(Date.now() + 30 * DAY);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer((opts.issuer?.cert ?? cert).subject.attributes);
  const ext: object[] = [{ name: 'basicConstraints', cA: opts.ca ?? false, critical: true }];
  if (opts.ca) ext.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true });
  else {
    ext.push({ name: 'extKeyUsage', serverAuth: true });
    ext.push({
      name: 'subjectAltName',
      altNames: [
        ...(opts.names?.dns ?? []).map((value) => ({ type: 2, value })),
        ...(opts.names?.ip ?? []).map((ip) => ({ type: 7, ip })),
      ],
    });
  }
  cert.setExtensions(ext);
  cert.sign(opts.issuer?.key ?? keys.privateKey, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), key: keys.privateKey, cert };
}

const ownCa = issue('Extranet own CA', { ca: true });
const otherCa = issue('Somebody else', { ca: true });
const leaf = issue('extranet', {
  issuer: ownCa,
  names: { dns: ['extranet.example.ac.uk', 'localhost'], ip: ['127.0.0.1'] },
});
const intermediate = issue('Extranet issuing CA', { issuer: ownCa, ca: true });
const viaIntermediate = issue('portal', {
  issuer: intermediate,
  names: { dns: ['portal.example.ac.uk'] },
});
const expired = issue('old', {
  issuer: ownCa,
  names: { dns: ['extranet.example.ac.uk'] },
  from: new Date(Date.now() - 60 * DAY),
  to: new Date(Date.now() - DAY),
});
const foreign = issue('imposter', { issuer: otherCa, names: { dns: ['extranet.example.ac.uk'] } });

const unknownAuthority = (hostname: string, chain: { data: string; issuerCert?: unknown }) =>
  ({
    hostname,
    certificate: chain,
    verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
    errorCode: -202,
  }) as VerifyRequest;

describe("a destination's own CA", () => {
  const casFor = (host: string) =>
    host === 'extranet.example.ac.uk' || host === '127.0.0.1' ? [ownCa.pem] : undefined;

  it('is accepted for its host when Chromium only lacks the authority', () => {
    expect(
      certificateVerdict(unknownAuthority('extranet.example.ac.uk', { data: leaf.pem }), casFor),
    ).toBe(ACCEPT);
    expect(certificateVerdict(unknownAuthority('127.0.0.1', { data: leaf.pem }), casFor)).toBe(
      ACCEPT,
    );
    // Chromium's spelling varies between versions and its docs; both are understood.
    const shortForm = {
      ...unknownAuthority('extranet.example.ac.uk', { data: leaf.pem }),
      verificationResult: 'CERT_AUTHORITY_INVALID',
      errorCode: 0,
    };
    expect(certificateVerdict(shortForm, casFor)).toBe(ACCEPT);
  });

  it('follows the chain the server sent through an intermediate', () => {
    const chain = { data: viaIntermediate.pem, issuerCert: { data: intermediate.pem } };
    expect(chainsToOwnCa('portal.example.ac.uk', chain, [ownCa.pem])).toBe(true);
    expect(chainsToOwnCa('portal.example.ac.uk', { data: viaIntermediate.pem }, [ownCa.pem])).toBe(
      false,
    );
  });

  it('is never used for another host, even by a certificate it signed', () => {
    const req = unknownAuthority('localhost', { data: leaf.pem });
    expect(certificateVerdict(req, casFor)).toBe(USE_CHROMIUM_VERDICT);
    expect(chainsToOwnCa('www.example.org', { data: leaf.pem }, [ownCa.pem])).toBe(false);
  });

  it('does not rescue a certificate from another CA, an expired one, or a CA posing as a server', () => {
    for (const cert of [foreign, expired, otherCa]) {
      expect(
        certificateVerdict(unknownAuthority('extranet.example.ac.uk', { data: cert.pem }), casFor),
      ).toBe(USE_CHROMIUM_VERDICT);
    }
    expect(
      certificateVerdict(unknownAuthority('extranet.example.ac.uk', { data: 'garbage' }), casFor),
    ).toBe(USE_CHROMIUM_VERDICT);
  });

  it('leaves every other verdict to Chromium: trusted, wrong name, expired, revoked', () => {
    for (const [verificationResult, errorCode] of [
      ['net::OK', 0],
      ['net::ERR_CERT_COMMON_NAME_INVALID', -200],
      ['net::ERR_CERT_DATE_INVALID', -201],
      ['net::ERR_CERT_REVOKED', -206],
    ] as const) {
      const req = {
        ...unknownAuthority('extranet.example.ac.uk', { data: leaf.pem }),
        verificationResult,
        errorCode,
      };
      expect(certificateVerdict(req, casFor), verificationResult).toBe(USE_CHROMIUM_VERDICT);
    }
  });
});

describe('the CA file and the names', () => {
  it('accepts a CA file holding several certificates', () => {
    const bundle = `${otherCa.pem}\n${ownCa.pem}`;
    expect(chainsToOwnCa('extranet.example.ac.uk', { data: leaf.pem }, [bundle])).toBe(true);
  });

  it('takes host names from subjectAltName only, never the common name', () => {
    const cnOnly = issue('extranet.example.ac.uk', { issuer: ownCa });
    expect(chainsToOwnCa('extranet.example.ac.uk', { data: cnOnly.pem }, [ownCa.pem])).toBe(false);
  });
});

describe('OwnCaTrust, the upload session verify proc', () => {
  it("trusts each destination's CA for that destination's host only", () => {
    const trust = new OwnCaTrust();
    trust.trust('https://Extranet.Example.ac.uk:8443/upload', ownCa.pem);
    trust.trust('https://portal.example.ac.uk/', null);
    expect(trust.casFor('extranet.example.ac.uk')).toEqual([ownCa.pem]);
    expect(trust.casFor('portal.example.ac.uk')).toBeUndefined();
    const verdicts: number[] = [];
    trust.verifyProc(unknownAuthority('extranet.example.ac.uk', { data: leaf.pem }), (v) =>
      verdicts.push(v),
    );
    trust.verifyProc(unknownAuthority('portal.example.ac.uk', { data: viaIntermediate.pem }), (v) =>
      verdicts.push(v),
    );
    expect(verdicts).toEqual([ACCEPT, USE_CHROMIUM_VERDICT]);
  });
});
