// Secrets on a computer whose credential vault cannot be used, through the app's channels on a real
// history: a password or group key given is held for the session (and said to be), never written
// to the history; and a check for verification results says it cannot check, rather than
// "still being checked", when no password is at hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOperations, dispatch } from '../../../electron/operations';
import { createNodeHost } from '../../../electron/web/node-host';
import type { NodeHost } from '../../../electron/web/node-host';
import type { Channel, Output } from '../../../shared/ipc/contract';
import type { CredentialVault } from '../../../shared/ports';
import { VaultUnavailableError } from '../../../shared/ports';
import { useHistories } from './support/folders';

const histories = useHistories('returndesk-session-');
const PASSWORD = 'correct horse battery staple';
const GROUP_KEY = 'P699 8C22EF79';

/** A vault that cannot be reached, as on a computer without a Secret Service. */
const noVault: CredentialVault = {
  get: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
  set: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
  delete: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
  list: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
};

const hosts: NodeHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

function app(folder: string) {
  const host = createNodeHost(folder, { vault: noVault });
  hosts.push(host);
  const operations = createOperations(host);
  return async <C extends Channel>(channel: C, input?: unknown): Promise<Output<C>> => {
    const r = await dispatch(operations, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<C>;
  };
}

/** Every file under the data folder that holds the text. */
function filesHolding(folder: string, text: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => readFileSync(f).includes(text));
}

describe('secrets without a credential vault', () => {
  it('holds a group key given at destination add for the session, and says it is not remembered after ReturnDesk closes', async () => {
    const folder = histories.folder();
    const ok = app(folder);
    const added = await ok('destinations.add', {
      name: 'hefce',
      url: 'https://extranet.example.ac.uk',
      area: 'FAMD General upload area (GUA)',
      username: 'jo.bloggs',
      groupKey: GROUP_KEY,
    });
    expect(added.groupKey).toMatchObject({ stored: false, forSession: true });
    expect(added.groupKey?.message).toMatch(/not remembered after ReturnDesk closes/);
    expect(added.destination).toMatchObject({ groupKeyStored: false, groupKeyForSession: true });
    expect(filesHolding(folder, GROUP_KEY)).toEqual([]);
  });

  it('says it cannot check an upload pending verification for want of a password, without asking the server; a password given is then held for the session', async () => {
    const folder = histories.folder();
    const store = histories.open(folder);
    const d = store.destinations.add({
      name: 'hefce',
      // Nothing listens here: were the server asked, the check could only fail.
      url: 'https://127.0.0.1:9',
      area: 'FAMD General upload area (GUA)',
      username: 'jo.bloggs',
    });
    const u = store.uploads.start({
      destinationId: d.id,
      fileName: 'chg105432A01.amd',
      sha256: 'a'.repeat(64),
      bytes: 120,
    });
    store.uploads.rememberUrl(u.id, 'https://127.0.0.1:9/files/u1', 'u1');
    store.uploads.received(u.id, 'a'.repeat(64), '2011-03-14T09:00:00.000Z');
    store.close();

    const ok = app(folder);
    const checked = await ok('uploads.refresh');
    expect(checked).toMatchObject({ changed: 0, pending: 1 });
    expect(checked.destinations).toEqual([
      {
        destinationId: d.id,
        destination: 'hefce',
        pending: 1,
        asked: 0,
        results: 0,
        outcome: 'cannot-check',
        needsPassword: true,
        reason: 'no password for hefce',
        message: 'Cannot check: no password for hefce.',
      },
    ]);
    expect(JSON.stringify(checked)).not.toMatch(/still being checked/);

    const given = await ok('destinations.setPassword', { destinationId: d.id, password: PASSWORD });
    expect(given).toMatchObject({ stored: false, forSession: true });
    expect(given.message).toMatch(/not remembered after ReturnDesk closes/);
    const [listed] = await ok('destinations.list');
    expect(listed).toMatchObject({ passwordStored: false, passwordForSession: true });
    expect(filesHolding(folder, PASSWORD)).toEqual([]);

    expect(await ok('destinations.forgetPassword', { destinationId: d.id })).toEqual({
      forgotten: true,
    });
    const [after] = await ok('destinations.list');
    expect(after?.passwordForSession).toBe(false);
  });
});
