import type { Command } from 'commander';
import { z } from 'zod';
import type { ActionPlan } from '../../shared/history/types';
import { isIlrYear, isIsoDate, isUpin } from '../../shared/domain';
import { print, table, withStore, positiveInt } from './session';
import { parseOptions } from './parse';
import { UsageError } from './output';
import type { Io } from './output';
import { WorkbookError, readPlanWorkbook, writePlanWorkbook } from '../files/plan-workbook';
import { describeFileError } from './output';

const upin = z
  .string()
  .refine(isUpin, '--provider must be the six-digit UPIN, leading zeros included');
const year = z.string().refine(isIlrYear, '--year must be written like 2010-11');

const CreateOptions = z.object({
  provider: upin,
  year,
  title: z.string().trim().min(1, '--title must not be empty'),
  heifes: z.boolean().optional(),
  json: z.boolean().optional(),
});

const RowOptions = z.object({
  plan: z.number(),
  kind: z.enum(['CHANGE', 'ADD', 'DELETE'], { message: '--kind must be CHANGE, ADD or DELETE' }),
  description: z.string().trim().min(1, '--description must not be empty'),
  fields: z.string().optional(),
  records: z.string().regex(/^\d+$/, '--records must be a whole number'),
  due: z.string().refine(isIsoDate, '--due must be a real date written YYYY-MM-DD'),
  errorType: z.string().optional(),
  cause: z.string().optional(),
  json: z.boolean().optional(),
});

function showPlan(p: ActionPlan): string {
  const head =
    `Plan ${p.id}: ${p.title} - provider ${p.upin}, ${p.year}, version ${p.version}, ${p.status}` +
    (p.revisesId ? ` (revises plan ${p.revisesId})` : '') +
    (p.revisedById ? ` (revised as plan ${p.revisedById})` : '') +
    (p.statusNote ? `\n  Note: ${p.statusNote}` : '') +
    '\n';
  if (p.rows.length === 0) return `${head}  No rows yet.\n`;
  return (
    head +
    table(
      ['Ref', 'Type', 'Fields', 'Records', 'Submit by', 'Description'],
      p.rows.map((r) => [r.ref, r.kind, r.fields, r.records, r.due, r.description]),
    )
  );
}

export function registerPlan(program: Command, io: Io): void {
  const plan = program
    .command('plan')
    .description('HEFCE action plans: areas of difference approved before amendments are sent');
  const planId = positiveInt('--plan');

  plan
    .command('create')
    .description('Create a draft action plan')
    .requiredOption('--provider <UPIN>', 'provider UPIN')
    .requiredOption('--year <year>', 'ILR year, e.g. 2010-11')
    .requiredOption('--title <text>', 'plan title')
    .option('--heifes', 'the HEIFES re-creation variant (error type and cause columns)')
    .option('--json', 'print the created plan as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(CreateOptions, raw);
      await withStore(cmd, io, (s) => {
        const p = s.plans.create({
          upin: o.provider,
          year: o.year,
          title: o.title,
          variant: o.heifes ? 'heifes' : 'general',
        });
        print(io, o.json, p, () => `Created draft plan ${p.id} for ${p.upin} ${p.year}.\n`);
      });
    });

  plan
    .command('add-row')
    .description('Add an area of difference to a draft plan')
    .requiredOption('--plan <id>', 'plan id', planId)
    .requiredOption('--kind <kind>', 'CHANGE, ADD or DELETE')
    .requiredOption('--description <text>', 'the nature of and reason for the amendment')
    .option('--fields <fields>', "fields to be changed (CHANGE), or 'all'")
    .requiredOption('--records <n>', 'number of records')
    .requiredOption('--due <date>', 'date the amended data will be submitted, YYYY-MM-DD')
    .option('--error-type <type>', 'HEIFES variant: error type')
    .option('--cause <text>', 'HEIFES variant: cause')
    .option('--json', 'print the created row as JSON')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(RowOptions, raw);
      await withStore(cmd, io, (s) => {
        const fields =
          o.fields === undefined || /^all( fields)?$/i.test(o.fields.trim())
            ? 'all'
            : o.fields.split(',');
        const r = s.plans.addRow(o.plan, {
          kind: o.kind,
          description: o.description,
          fields,
          records: Number(o.records),
          due: o.due,
          errorType: o.errorType,
          cause: o.cause,
        });
        print(io, o.json, r, () => `Added row ${r.ref} to plan ${o.plan}.\n`);
      });
    });

  for (const action of ['submit', 'approve', 'return'] as const) {
    plan
      .command(action)
      .description(
        `Record that the plan was ${action === 'submit' ? 'submitted to HEFCE' : action === 'approve' ? 'approved by HEFCE' : 'returned by HEFCE for revision'}`,
      )
      .requiredOption('--plan <id>', 'plan id', planId)
      .option('--note <text>', 'a note for the history')
      .option('--json', 'print the plan as JSON')
      .action(async (raw: { plan: number; note?: string; json?: boolean }, cmd: Command) => {
        await withStore(cmd, io, (s) => {
          const p = s.plans.move(raw.plan, action, raw.note);
          print(io, raw.json, p, () => `Plan ${p.id} is now ${p.status}.\n`);
        });
      });
  }

  plan
    .command('revise')
    .description('Make a new draft version of a returned or approved plan (the old one is kept)')
    .requiredOption('--plan <id>', 'plan id', planId)
    .option('--note <text>', 'why it is revised')
    .option('--json', 'print the new plan as JSON')
    .action(async (raw: { plan: number; note?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const p = s.plans.revise(raw.plan, raw.note);
        print(
          io,
          raw.json,
          p,
          () => `Created plan ${p.id}, version ${p.version} of plan ${raw.plan}, as a draft.\n`,
        );
      });
    });

  plan
    .command('list')
    .description('List action plans')
    .option('--provider <UPIN>', 'only this provider')
    .option('--json', 'print as JSON')
    .action(async (raw: { provider?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const list = s.plans.list({ upin: raw.provider });
        print(io, raw.json, list, () =>
          list.length
            ? table(
                ['Plan', 'Provider', 'Year', 'Version', 'Status', 'Rows', 'Title'],
                list.map((p) => [
                  p.id,
                  p.upin,
                  p.year,
                  p.version,
                  p.status,
                  p.rows.length,
                  p.title,
                ]),
              )
            : 'No action plans yet.\n',
        );
      });
    });

  plan
    .command('show')
    .description('Show a plan and its rows')
    .requiredOption('--plan <id>', 'plan id', planId)
    .option('--json', 'print as JSON')
    .action(async (raw: { plan: number; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, (s) => {
        const p = s.plans.get(raw.plan);
        print(io, raw.json, p, () => showPlan(p));
      });
    });

  plan
    .command('export')
    .description("Write a plan to the Excel workbook HEFCE's template uses")
    .requiredOption('--plan <id>', 'plan id', planId)
    .requiredOption('--xlsx <file>', 'workbook to write')
    .option('--json', 'print as JSON')
    .action(async (raw: { plan: number; xlsx: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, io, async (s) => {
        const p = s.plans.get(raw.plan);
        try {
          await writePlanWorkbook(p, raw.xlsx);
        } catch (e) {
          throw new UsageError(describeFileError(raw.xlsx, e));
        }
        print(
          io,
          raw.json,
          { plan: p.id, xlsx: raw.xlsx, rows: p.rows.length },
          () => `Wrote plan ${p.id} (${p.rows.length} rows) to ${raw.xlsx}.\n`,
        );
      });
    });

  plan
    .command('import')
    .description('Create a draft plan from an action plan workbook')
    .requiredOption('--xlsx <file>', 'workbook to read')
    .requiredOption('--provider <UPIN>', 'provider UPIN')
    .requiredOption('--year <year>', 'ILR year')
    .option('--json', 'print the created plan as JSON')
    .action(
      async (
        raw: { xlsx: string; provider: string; year: string; json?: boolean },
        cmd: Command,
      ) => {
        parseOptions(z.object({ provider: upin, year }), {
          provider: raw.provider,
          year: raw.year,
        });
        let wb;
        try {
          wb = await readPlanWorkbook(raw.xlsx);
        } catch (e) {
          throw new UsageError(
            e instanceof WorkbookError ? e.message : describeFileError(raw.xlsx, e),
          );
        }
        if (wb.upin && wb.upin !== raw.provider)
          throw new UsageError(
            `${raw.xlsx} is a plan for provider ${wb.upin}, not ${raw.provider}.`,
          );
        if (wb.year && wb.year !== raw.year)
          throw new UsageError(`${raw.xlsx} is a plan for ${wb.year}, not ${raw.year}.`);
        await withStore(cmd, io, (s) => {
          const p = s.plans.importPlan({
            upin: raw.provider,
            year: raw.year,
            title: wb.title,
            variant: wb.variant,
            rows: wb.rows,
          });
          print(
            io,
            raw.json,
            p,
            () => `Imported plan ${p.id} with ${p.rows.length} rows as a draft.\n`,
          );
        });
      },
    );
}
