import type { Command } from 'commander';
import type { Provider } from '../../shared/history/types';
import { print, table } from './session';
import { UsageError } from './output';
import type { Io } from './output';
import { perform } from './door';

interface ProviderFlags {
  upin: string;
  ukprn?: string;
  name?: string;
  json?: boolean;
}

const describe = (p: Provider) => `${p.upin} ${p.name}${p.ukprn ? ` (UKPRN ${p.ukprn})` : ''}`;

export function registerProvider(program: Command, io: Io): void {
  const provider = program
    .command('provider')
    .description('Providers (colleges) whose returns you prepare');
  provider
    .command('add')
    .description('Add a provider')
    .requiredOption('--upin <UPIN>', 'six-digit UPIN')
    .requiredOption('--name <name>', 'provider name')
    .option('--ukprn <UKPRN>', 'eight-digit UKPRN')
    .option('--json', 'print the created provider as JSON')
    .action(async (o: ProviderFlags & { name: string }, cmd: Command) => {
      const input = { upin: o.upin, ukprn: o.ukprn, name: o.name };
      const p = await perform(cmd, io, 'providers.add', input);
      print(io, o.json, p, () => `Added provider ${describe(p)}.\n`);
    });
  provider
    .command('update')
    .description("Set a provider's UKPRN (XML amendment files need it) or correct its name")
    .requiredOption('--upin <UPIN>', 'six-digit UPIN')
    .option('--ukprn <UKPRN>', 'eight-digit UKPRN')
    .option('--name <name>', 'provider name')
    .option('--json', 'print the provider as JSON')
    .action(async (o: ProviderFlags, cmd: Command) => {
      // The contract asks for one or the other in the app's words; here, in the flags'.
      if (o.ukprn === undefined && o.name === undefined)
        throw new UsageError('Give --ukprn or --name (or both) to change.');
      const input = { upin: o.upin, ukprn: o.ukprn, name: o.name };
      const p = await perform(cmd, io, 'providers.update', input);
      print(io, o.json, p, () => `Provider ${describe(p)}.\n`);
    });
  provider
    .command('list')
    .description('List providers')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'providers.list', undefined);
      print(io, o.json, list, () =>
        list.length
          ? table(
              ['UPIN', 'UKPRN', 'Name'],
              list.map((p) => [p.upin, p.ukprn, p.name]),
            )
          : 'No providers yet.\n',
      );
    });
}
