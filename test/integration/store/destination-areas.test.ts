// `returndesk destination area add|remove` on a real history: one account with several areas,
// the refusals (a second area of the same name, the last area, an area with an unfinished upload,
// an upload that does not say which area), and a receipt keeping the area it went to.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { GUA, destinationHistory } from './support/destination-history';
import type { UploadState } from './support/destination-history';
import { REPO_ROOT, expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-areas-');
/** A vault service name of this file's own: nothing reaches anyone's real keyring. */
const ENV = { RETURNDESK_VAULT_SERVICE: `ReturnDesk-test-${randomUUID()}` };
const ILR = 'ILR amendment upload area';

interface DestinationJson {
  name: string;
  area: string;
  areas: { name: string }[];
}

/** A history with destination 'hefce' (GUA) and, if asked, an upload there left as `state`. */
const history = (state?: UploadState) => destinationHistory(histories.folder(), state);

const cli = (folder: string, args: readonly string[]) => returndesk(folder, args, ENV);
const areas = async (folder: string) =>
  (await json<DestinationJson[]>(folder, ['destination', 'list'], ENV)).map((d) =>
    d.areas.map((a) => a.name),
  );

describe('returndesk destination area', () => {
  it('adds a second area to the account and removes the first once its upload is verified; the receipt keeps its area', async () => {
    const folder = history('accepted');
    const added = await cli(folder, ['destination', 'area', 'add', 'hefce', '--area', ILR]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(`Destination 'hefce' now has the areas '${GUA}', '${ILR}'.\n`);
    const removed = await json<DestinationJson>(
      folder,
      ['destination', 'area', 'remove', 'hefce', '--area', 'famd general upload area (gua)'],
      ENV,
    );
    expect(removed).toMatchObject({ name: 'hefce', area: ILR, areas: [{ name: ILR }] });
    const receipts = await json<{ file: string; area: string }[]>(folder, ['status'], ENV);
    expect(receipts.map((r) => [r.file, r.area])).toEqual([['chg105432A01.amd', GUA]]);
    const audit = await json<{ action: string; details: string }[]>(folder, ['audit', 'list'], ENV);
    expect(
      audit
        .filter((e) => e.action.startsWith('destination.area-'))
        .map((e) => [e.action, e.details]),
    ).toEqual([
      ['destination.area-removed', JSON.stringify({ area: GUA })],
      ['destination.area-added', JSON.stringify({ area: ILR })],
    ]);
  });

  it('refuses the same area twice, the last area, and an area with an upload awaiting its verdict, naming it', async () => {
    const folder = history('pending-verification');
    expectOneLineRefusal(
      await cli(folder, [
        'destination',
        'area',
        'add',
        'hefce',
        '--area',
        ' famd GENERAL upload area (GUA) ',
      ]),
      1,
      /^returndesk: Destination 'hefce' already has the area 'FAMD General upload area \(GUA\)'\./,
    );
    expectOneLineRefusal(
      await cli(folder, ['destination', 'area', 'remove', 'hefce', '--area', GUA]),
      1,
      /^returndesk: 'FAMD General upload area \(GUA\)' is the only area of destination 'hefce'; a destination keeps at least one area/,
    );
    expect((await cli(folder, ['destination', 'area', 'add', 'hefce', '--area', ILR])).code).toBe(
      0,
    );
    expectOneLineRefusal(
      await cli(folder, ['destination', 'area', 'remove', 'hefce', '--area', GUA]),
      1,
      /^returndesk: Area 'FAMD General upload area \(GUA\)' of destination 'hefce' cannot be removed while uploads to it are unfinished: chg105432A01\.amd \(pending verification\)\. /,
    );
    expectOneLineRefusal(
      await cli(folder, ['destination', 'area', 'remove', 'hefce', '--area', 'Ofqual']),
      2,
      /^returndesk: Destination 'hefce' has no area 'Ofqual'; its areas are 'FAMD General upload area \(GUA\)', 'ILR amendment upload area'\./,
    );
    // The area nothing was sent to goes; the one with the upload stays.
    expect(
      (await cli(folder, ['destination', 'area', 'remove', 'hefce', '--area', ILR])).code,
    ).toBe(0);
    expect(await areas(folder)).toEqual([[GUA]]);
  });

  it('asks which area when the destination has several, before anything is sent, and will not rename one of them', async () => {
    const folder = history();
    expect((await cli(folder, ['destination', 'area', 'add', 'hefce', '--area', ILR])).code).toBe(
      0,
    );
    const file = join(REPO_ROOT, 'examples', 'chg105432A01.amd');
    expectOneLineRefusal(
      await cli(folder, ['upload', '--destination', 'hefce', file]),
      2,
      /^returndesk: Destination 'hefce' has 2 areas \('FAMD General upload area \(GUA\)', 'ILR amendment upload area'\); choose the area to upload to\. Name it with --area\.\n$/,
    );
    expectOneLineRefusal(
      await cli(folder, ['destination', 'update', 'hefce', '--area', 'Other']),
      2,
      /^returndesk: Destination 'hefce' has 2 areas; add or remove an area instead of changing it\./,
    );
    expect(await json<unknown[]>(folder, ['status'], ENV)).toEqual([]);
  });
});
