// `returndesk destination area add NAME --area B [--group-key-stdin]`, `destination area remove
// NAME --area B` and `destination area key NAME --area B --group-key-stdin`: one account, several
// upload areas, each with its own group key.
import type { Command } from 'commander';
import type { DestinationView } from '../../shared/ipc/views';
import { print } from './session';
import type { Io } from './output';
import { RefusedError } from './output';
import { checkInput, perform } from './door';
import { readSecretFromStdin } from './stdin';

const flags = { destination: 'NAME', area: '--area', groupKey: '--group-key-stdin' };

const areasOf = (d: DestinationView) => d.areas.map((a) => `'${a.name}'`).join(', ');

export function registerDestinationAreas(destination: Command, io: Io): void {
  const area = destination
    .command('area')
    .description("A destination's upload areas: one account, each area with its own group key");
  area
    .command('add')
    .description('Add an upload area the same account reaches')
    .argument('<NAME>', 'the destination')
    .requiredOption('--area <area>', "the area's name, e.g. 'ILR amendment upload area'")
    .option('--group-key-stdin', "read the area's group key from standard input")
    .option('--json', 'print as JSON')
    .action(
      async (name: string, o: { area: string; groupKeyStdin?: boolean; json?: boolean }, cmd) => {
        const named = { destination: name, area: o.area };
        // A mistyped flag is reported before anything is read from standard input.
        checkInput('destinations.addArea', named, flags);
        const groupKey = o.groupKeyStdin ? await readSecretFromStdin(io, 'group key') : undefined;
        const r = await perform(
          cmd as Command,
          io,
          'destinations.addArea',
          { ...named, groupKey },
          flags,
        );
        const d = r.destination;
        // This process ends now: a key held "for the session" would be gone, so say it as it is.
        const note = !r.groupKey
          ? ''
          : r.groupKey.stored
            ? ' The group key is in the credential vault.'
            : ` The group key was not kept: the system credential vault is not available (${r.groupKey.vaultProblem ?? 'unknown reason'}).`;
        print(
          io,
          o.json,
          d,
          () => `Destination '${d.name}' now has the areas ${areasOf(d)}.${note}\n`,
        );
      },
    );
  area
    .command('key')
    .description("Keep an area's group key in the credential vault")
    .argument('<NAME>', 'the destination')
    .requiredOption('--area <area>', 'the area')
    .requiredOption('--group-key-stdin', "read the area's group key from standard input")
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { area: string; json?: boolean }, cmd) => {
      const named = { destination: name, area: o.area };
      checkInput('destinations.setGroupKey', { ...named, groupKey: 'to be read' }, flags);
      const groupKey = await readSecretFromStdin(io, 'group key');
      const r = await perform(
        cmd as Command,
        io,
        'destinations.setGroupKey',
        { ...named, groupKey },
        flags,
      );
      if (!r.stored)
        throw new RefusedError(
          `Not kept: the system credential vault is not available (${r.vaultProblem ?? 'unknown reason'}).`,
        );
      print(
        io,
        o.json,
        { ok: true, destination: name, area: o.area },
        () => `The group key for '${o.area}' at '${name}' is in the credential vault.\n`,
      );
    });
  area
    .command('remove')
    .description(
      'Remove an upload area (refused for the last one, or while an upload to it is unfinished)',
    )
    .argument('<NAME>', 'the destination')
    .requiredOption('--area <area>', 'the area to remove')
    .option('--json', 'print as JSON')
    .action(async (name: string, o: { area: string; json?: boolean }, cmd) => {
      const input = { destination: name, area: o.area };
      const r = await perform(cmd as Command, io, 'destinations.removeArea', input, flags);
      const d = r.destination;
      print(
        io,
        o.json,
        d,
        () =>
          `Removed area '${r.removed}' from destination '${d.name}'; its areas are ${areasOf(d)}.\n`,
      );
    });
}
