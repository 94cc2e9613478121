// A history with destination 'hefce' (its one area, the GUA) and, if asked, an upload there left
// in the given state: what the destination commands' tests start from.
import { Store } from '../../../../electron/store';

export const UPLOAD_SHA256 = 'a'.repeat(64);
export const GUA = 'FAMD General upload area (GUA)';

export type UploadState = 'transferring' | 'pending-verification' | 'accepted';

export function destinationHistory(folder: string, state?: UploadState): string {
  const store = new Store(folder, { user: 'jo.bloggs' });
  try {
    const d = store.destinations.add({
      name: 'hefce',
      url: 'https://extranet.example.ac.uk:8443/',
      area: GUA,
      username: 'jo.bloggs',
    });
    if (state) {
      const u = store.uploads.start({
        destinationId: d.id,
        fileName: 'chg105432A01.amd',
        sha256: UPLOAD_SHA256,
        bytes: 120,
      });
      if (state !== 'transferring')
        store.uploads.received(u.id, UPLOAD_SHA256, '2011-03-14T09:00:00.000Z');
      if (state === 'accepted') store.uploads.verified(u.id, 'accepted', []);
    }
  } finally {
    store.close();
  }
  return folder;
}
