// One destination, one account, two areas: `destination area add` with the second area's group key,
// then uploads to each area with the one password, against the reference extranet over real HTTPS;
// an area with an upload awaiting its verdict cannot be removed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../cli';
import { addDestination, cliFor, expectOneLineRefusal, type ReceiptJson } from './support/cli';
import { GUA, GUA_KEY, destinationAccounts, useUploadEnv } from './support/env';
import { ILR_AREA, ILR_AREA_KEY } from './support/xml';
import { call, login, parsed } from '../extranet/client';
import type { RunningExtranet } from '../../extranet/spawn';

type Receipt = ReceiptJson & { area: string };

const env = useUploadEnv();
const cli = cliFor(env.service);
const VALID = join(REPO_ROOT, 'examples', 'chg105432A01.amd');

/** The names of the files the server holds in each area the demo user has joined. */
async function serverAreas(server: RunningExtranet): Promise<Record<string, string[]>> {
  const token = await login(server);
  const { areas } = parsed<{ areas: { id: string; name: string }[] }>(
    await call(server, 'GET', '/api/v1/areas', { token }),
  );
  const out: Record<string, string[]> = {};
  for (const a of areas) {
    const reply = await call(server, 'GET', `/api/v1/areas/${a.id}/files`, { token });
    out[a.name] = parsed<{ files: { fileName: string }[] }>(reply).files.map((f) => f.fileName);
  }
  return out;
}

describe('a destination with two areas', () => {
  it('uploads to each area with the one password, asks which area when not told, and keeps an area while an upload there awaits its verdict', async () => {
    const server = await env.startServer({ verifyDelayMs: 600_000 });
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);

    const added = await cli.run(
      data,
      ['destination', 'area', 'add', dest, '--area', ILR_AREA, '--group-key-stdin'],
      { stdin: `${ILR_AREA_KEY}\n` },
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(
      `Destination 'hefce' now has the areas '${GUA}', '${ILR_AREA}'. The group key is in the credential vault.\n`,
    );
    // The first area's key keeps the entry it always had; the second has its own.
    expect((await destinationAccounts(env.vault)).sort()).toEqual([
      '1#group-key',
      '1#group-key#area-2',
      '1:demo',
    ]);

    // A key given again for the second area replaces its own entry, not the first area's.
    const key = await cli.run(
      data,
      [
        'destination',
        'area',
        'key',
        dest,
        '--area',
        'ilr amendment upload area',
        '--group-key-stdin',
      ],
      { stdin: `${ILR_AREA_KEY}\n` },
    );
    expect(key.stdout).toBe(
      "The group key for 'ilr amendment upload area' at 'hefce' is in the credential vault.\n",
    );
    expect(await env.vault.get('1#group-key#area-2')).toBe(ILR_AREA_KEY);
    expect(await env.vault.get('1#group-key')).toBe(GUA_KEY);

    const tested = await cli.run(data, ['destination', 'test', '--name', dest]);
    expect(tested.stdout).toBe(`Logged in to 'hefce' and reached '${GUA}', '${ILR_AREA}'.\n`);

    const unnamed = await cli.run(data, ['upload', '--destination', dest, VALID]);
    expectOneLineRefusal(
      unnamed,
      2,
      new RegExp(
        `Destination 'hefce' has 2 areas \\('${GUA.replace(/[()]/g, '\\$&')}', '${ILR_AREA}'\\); choose the area to upload to\\. Name it with --area\\.\n$`,
      ),
    );

    const toIlr = await cli.json<Receipt[]>(data, [
      'upload',
      '--destination',
      dest,
      '--area',
      ILR_AREA,
      VALID,
    ]);
    const toGua = await cli.json<Receipt[]>(data, [
      'upload',
      '--destination',
      dest,
      '--area',
      'famd general upload area (gua)',
      VALID,
    ]);
    expect([...toIlr, ...toGua].map((r) => [r.file, r.status, r.area])).toEqual([
      ['chg105432A01.amd', 'pending-verification', ILR_AREA],
      ['chg105432A01.amd', 'pending-verification', GUA],
    ]);
    expect(await serverAreas(server)).toEqual({
      [GUA]: ['chg105432A01.amd'],
      [ILR_AREA]: ['chg105432A01.amd'],
    });

    // Pending verification there: the area stays until the verdict is in (none comes in this test).
    const early = await cli.run(data, ['destination', 'area', 'remove', dest, '--area', ILR_AREA]);
    expectOneLineRefusal(
      early,
      1,
      /^returndesk: Area 'ILR amendment upload area' of destination 'hefce' cannot be removed while uploads to it are unfinished: chg105432A01\.amd \(pending verification\)\./,
    );
    const listed = await cli.json<{ areas: { name: string }[] }[]>(data, ['destination', 'list']);
    expect(listed.map((d) => d.areas.map((a) => a.name))).toEqual([[GUA, ILR_AREA]]);
  });
});
