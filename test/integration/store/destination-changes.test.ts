// `returndesk destination update` and `destination remove` on a real history: only what is given
// changes, https is required except to this computer, both are refused while an upload to the
// destination is unfinished (naming it), and a removed destination's receipts stay readable.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { destinationHistory } from './support/destination-history';
import type { UploadState } from './support/destination-history';
import { expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-destinations-');
/** A vault service name of this file's own: nothing reaches anyone's real keyring. */
const ENV = { RETURNDESK_VAULT_SERVICE: `ReturnDesk-test-${randomUUID()}` };

interface DestinationJson {
  name: string;
  url: string;
  area: string;
  username: string;
}
interface ReceiptJson {
  file: string;
  destination: string;
  area: string;
  status: string;
}

/** A history with destination 'hefce' (GUA) and, if asked, an upload there left as `state`. */
const history = (state?: UploadState) => destinationHistory(histories.folder(), state);

const cli = (folder: string, args: readonly string[]) => returndesk(folder, args, ENV);

describe('returndesk destination update', () => {
  it('changes only what is given: a mistyped port and the user name, then the name', async () => {
    const folder = history();
    const changed = await json<DestinationJson>(
      folder,
      [
        'destination',
        'update',
        'hefce',
        '--url',
        'https://extranet.example.ac.uk/',
        '--username',
        'j.bloggs',
      ],
      ENV,
    );
    expect(changed).toMatchObject({
      name: 'hefce',
      url: 'https://extranet.example.ac.uk',
      area: 'FAMD General upload area (GUA)',
      username: 'j.bloggs',
    });
    const renamed = await cli(folder, ['destination', 'update', 'hefce', '--name', 'HEFCE GUA']);
    expect(renamed.stdout).toBe(
      "Changed destination 'HEFCE GUA' (https://extranet.example.ac.uk, FAMD General upload area (GUA), j.bloggs).\n",
    );
    const listed = await json<DestinationJson[]>(folder, ['destination', 'list'], ENV);
    expect(listed.map((d) => d.name)).toEqual(['HEFCE GUA']);
    const audit = await json<{ action: string }[]>(folder, ['audit', 'list'], ENV);
    expect(audit.filter((e) => e.action === 'destination.changed')).toHaveLength(2);
  });

  it('refuses http:// to another computer with the reason, at update as at add, and allows it to this computer', async () => {
    const folder = history();
    expectOneLineRefusal(
      await cli(folder, [
        'destination',
        'update',
        'hefce',
        '--url',
        'http://extranet.example.ac.uk/',
      ]),
      2,
      /--url: The address must start with https:\/\/ \(ReturnDesk sends files only over an encrypted connection\)\./,
    );
    expectOneLineRefusal(
      await cli(folder, [
        'destination',
        'add',
        '--name',
        'other',
        '--url',
        'http://192.0.2.7:8080/',
        '--area',
        'GUA',
        '--username',
        'jo',
      ]),
      2,
      /must start with https:\/\//,
    );
    const local = await json<DestinationJson>(
      folder,
      ['destination', 'update', 'hefce', '--url', 'http://127.0.0.1:8443'],
      ENV,
    );
    expect(local.url).toBe('http://127.0.0.1:8443');
    const listed = await json<DestinationJson[]>(folder, ['destination', 'list'], ENV);
    expect(listed.map((d) => d.name)).toEqual(['hefce']);
  });

  it('will not move a destination to another address while an upload to it is unfinished, naming the file, but renames it', async () => {
    const folder = history('transferring');
    expectOneLineRefusal(
      await cli(folder, ['destination', 'update', 'hefce', '--url', 'https://other.example/']),
      1,
      /^returndesk: Destination 'hefce' cannot be moved to another address, area or user while uploads to it are unfinished: chg105432A01\.amd \(upload not finished\)\./,
    );
    const [d] = await json<DestinationJson[]>(folder, ['destination', 'list'], ENV);
    expect(d?.url).toBe('https://extranet.example.ac.uk:8443');
    // A new name leaves the transfer resumable: allowed.
    const renamed = await json<DestinationJson>(
      folder,
      ['destination', 'update', 'hefce', '--name', 'HEFCE GUA'],
      ENV,
    );
    expect(renamed.name).toBe('HEFCE GUA');
  });

  it('says what to change when nothing is given', async () => {
    expectOneLineRefusal(
      await cli(history(), ['destination', 'update', 'hefce']),
      2,
      /Say what to change/,
    );
  });
});

describe('returndesk status', () => {
  it('says per destination that it cannot check for want of a password, and how to give one, never that uploads are being checked', async () => {
    const r = await cli(history('pending-verification'), ['status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `returndesk: warning: Cannot check: no password for hefce. Give it with --password-stdin, or run 'returndesk login --destination "hefce" --password-stdin'.\n`,
    );
    expect(r.stdout).toMatch(/chg105432A01\.amd .* pending-verification/);
  });
});

describe('returndesk destination remove', () => {
  it('is refused while an upload to the destination awaits verification, naming the file', async () => {
    const folder = history('pending-verification');
    expectOneLineRefusal(
      await cli(folder, ['destination', 'remove', 'hefce']),
      1,
      /cannot be removed while uploads to it are unfinished: chg105432A01\.amd \(pending verification\)/,
    );
    expect(await json<DestinationJson[]>(folder, ['destination', 'list'], ENV)).toHaveLength(1);
  });

  it('keeps a used destination for its receipts under a dated name, and frees its name for a new one', async () => {
    const folder = history('accepted');
    const removed = await cli(folder, ['destination', 'remove', 'hefce']);
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toMatch(
      /^Removed destination 'hefce'\. Its receipts are kept, under 'hefce \(removed \d{4}-\d{2}-\d{2}\)'\.\n$/,
    );
    expect(await json<DestinationJson[]>(folder, ['destination', 'list'], ENV)).toEqual([]);
    const receipts = await json<ReceiptJson[]>(folder, ['status'], ENV);
    expect(receipts).toEqual([
      expect.objectContaining({
        file: 'chg105432A01.amd',
        destination: expect.stringMatching(/^hefce \(removed \d{4}-\d{2}-\d{2}\)$/),
        area: 'FAMD General upload area (GUA)',
        status: 'accepted',
      }),
    ]);
    const again = await cli(folder, [
      'destination',
      'add',
      '--name',
      'hefce',
      '--url',
      'https://extranet.example.ac.uk/',
      '--area',
      'GUA',
      '--username',
      'jo',
    ]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('deletes a destination nothing was ever sent to', async () => {
    const folder = history();
    const r = await cli(folder, ['destination', 'remove', 'hefce', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ removed: 'hefce', keptAs: null });
    expectOneLineRefusal(
      await cli(folder, ['destination', 'remove', 'hefce']),
      2,
      /There is no destination named 'hefce'/,
    );
  });
});
