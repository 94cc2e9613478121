import type { Command } from 'commander';
import { z } from 'zod';
import { isUkprn, isUpin } from '../../shared/domain';
import { print, table, withStore } from './session';
import { parseOptions } from './parse';
import type { Io } from './output';

const AddOptions = z.object({
  upin: z
    .string()
    .refine(isUpin, '--upin must be six digits, leading zeros included (e.g. 012345)'),
  ukprn: z.string().refine(isUkprn, '--ukprn must be eight digits').optional(),
  name: z.string().trim().min(1, '--name must not be empty'),
  json: z.boolean().optional(),
});

const UpdateOptions = AddOptions.partial({ name: true }).refine(
  (o) => o.ukprn !== undefined || o.name !== undefined,
  'give --ukprn or --name (or both) to change',
);

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
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(AddOptions, raw);
      await withStore(cmd, io, (s) => {
        const p = s.providers.add({ upin: o.upin, ukprn: o.ukprn ?? null, name: o.name });
        print(
          io,
          o.json,
          p,
          () => `Added provider ${p.upin} ${p.name}${p.ukprn ? ` (UKPRN ${p.ukprn})` : ''}.\n`,
        );
      });
    });
  provider
    .command('update')
    .description("Set a provider's UKPRN (XML amendment files need it) or correct its name")
    .requiredOption('--upin <UPIN>', 'six-digit UPIN')
    .option('--ukprn <UKPRN>', 'eight-digit UKPRN')
    .option('--name <name>', 'provider name')
    .option('--json', 'print the provider as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(UpdateOptions, raw);
      await withStore(cmd, io, (s) => {
        const p = s.providers.update(o.upin, { ukprn: o.ukprn, name: o.name });
        print(
          io,
          o.json,
          p,
          () => `Provider ${p.upin} ${p.name}${p.ukprn ? ` (UKPRN ${p.ukprn})` : ''}.\n`,
        );
      });
    });
  provider
    .command('list')
    .description('List providers')
    .option('--json', 'print as JSON')
    .action(async (raw: { json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const list = s.providers.list();
        print(io, raw.json, list, () =>
          list.length
            ? table(
                ['UPIN', 'UKPRN', 'Name'],
                list.map((p) => [p.upin, p.ukprn, p.name]),
              )
            : 'No providers yet.\n',
        );
      });
    });
}
