// The network uploads go through: a session of their own (in memory, no cookies kept, the system
// proxy), whose certificate verify proc also honours each destination's own CA for that
// destination's host. The window's session stays on Chromium's defaults plus harden.ts.
import type { Session } from 'electron';
import type { Destination } from '../store';
import type { Transport } from '../upload/transport';
import type { NetRequester } from '../upload/electron-transport';
import { ElectronTransport } from '../upload/electron-transport';
import { OwnCaTrust } from './certificate-trust';

/** Not "persist:": nothing of an upload session outlives the app. */
export const UPLOAD_PARTITION = 'returndesk-uploads';

export interface UploadNetwork {
  transportFor(d: Pick<Destination, 'url' | 'caPem'>): Transport;
}

export function createUploadNetwork(
  net: NetRequester,
  session: Pick<Session, 'setCertificateVerifyProc'>,
): UploadNetwork {
  const trust = new OwnCaTrust();
  session.setCertificateVerifyProc(trust.verifyProc);
  return {
    transportFor(d) {
      trust.trust(d.url, d.caPem);
      return new ElectronTransport(net, session as Session);
    },
  };
}
