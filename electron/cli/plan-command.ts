import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import type { ActionPlan } from '../../shared/history/types';
import { print, table, withOperations, positiveInt, wholeNumber } from './session';
import { UsageError, describeFileError } from './output';
import type { Io } from './output';
import { checkInput, perform, run } from './door';
import { fileInput } from './file-source';
import { registerPlanEvidence } from './plan-evidence-command';
import { currentStep, dayMonthYear, planStatusWording } from '../../shared/history/plan-wording';

interface CreateFlags {
  provider: string;
  year: string;
  title: string;
  heifes?: boolean;
  json?: boolean;
}

interface StepFlags {
  plan: number;
  date?: string;
  note?: string;
  evidence?: string;
  json?: boolean;
}

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

function stepEvidence(p: ActionPlan): string {
  const e = currentStep(p)?.evidence;
  return e ? ` Kept ${e.name} (SHA-256 ${e.sha256}) with it.` : '';
}

interface RowFlags {
  plan: number;
  kind: string;
  description: string;
  fields?: string;
  records: number;
  due: string;
  errorType?: string;
  cause?: string;
  json?: boolean;
}

function showPlan(p: ActionPlan): string {
  const head =
    `Plan ${p.id}: ${p.title} - provider ${p.upin}, ${p.year}, version ${p.version}, ${lowerFirst(planStatusWording(p))}` +
    (p.revisesId ? ` (revises plan ${p.revisesId})` : '') +
    (p.revisedById ? ` (revised as plan ${p.revisedById})` : '') +
    (p.statusNote ? `\n  Note: ${p.statusNote}` : '') +
    '\n' +
    showSteps(p);
  if (p.rows.length === 0) return `${head}  No rows yet.\n`;
  return (
    head +
    table(
      ['Ref', 'Type', 'Fields', 'Records', 'Submit by', 'Description'],
      p.rows.map((r) => [r.ref, r.kind, r.fields, r.records, r.due, r.description]),
    )
  );
}

function showSteps(p: ActionPlan): string {
  return p.steps
    .map(
      (s) =>
        `  Step ${s.id}, ${dayMonthYear(s.date)}: marked as ${s.to} by ${s.user}` +
        (s.note ? ` - ${s.note}` : '') +
        (s.evidence ? ` [${s.evidence.name}, SHA-256 ${s.evidence.sha256.slice(0, 16)}]` : '') +
        (s.undoneAt ? ` (undone by ${s.undoneBy ?? ''} at ${s.undoneAt})` : '') +
        '\n',
    )
    .join('');
}

export function registerPlan(program: Command, io: Io): void {
  const plan = program
    .command('plan')
    .description('HEFCE action plans: areas of difference approved before amendments are sent');
  const planId = positiveInt('--plan');
  const flags = {
    upin: '--provider',
    planId: '--plan',
    variant: '--heifes',
    errorType: '--error-type',
  };

  plan
    .command('create')
    .description('Create a draft action plan')
    .requiredOption('--provider <UPIN>', 'provider UPIN')
    .requiredOption('--year <year>', 'ILR year, e.g. 2010-11')
    .requiredOption('--title <text>', 'plan title')
    .option('--heifes', 'the HEIFES re-creation variant (error type and cause columns)')
    .option('--json', 'print the created plan as JSON')
    .action(async (o: CreateFlags, cmd: Command) => {
      const input = {
        upin: o.provider,
        year: o.year,
        title: o.title,
        variant: o.heifes ? ('heifes' as const) : ('general' as const),
      };
      const p = await perform(cmd, io, 'plans.create', input, flags);
      print(io, o.json, p, () => `Created draft plan ${p.id} for ${p.upin} ${p.year}.\n`);
    });

  plan
    .command('add-row')
    .description('Add an area of difference to a draft plan')
    .requiredOption('--plan <id>', 'plan id', planId)
    .requiredOption('--kind <kind>', 'CHANGE, ADD or DELETE')
    .requiredOption('--description <text>', 'the nature of and reason for the amendment')
    .option('--fields <fields>', "fields to be changed (CHANGE), or 'all'")
    .requiredOption('--records <n>', 'number of records', wholeNumber('--records'))
    .requiredOption('--due <date>', 'date the amended data will be submitted, YYYY-MM-DD')
    .option('--error-type <type>', 'HEIFES variant: error type')
    .option('--cause <text>', 'HEIFES variant: cause')
    .option('--json', 'print the created row as JSON')
    .action(async (o: RowFlags, cmd: Command) => {
      const fields =
        o.fields === undefined || /^all( fields)?$/i.test(o.fields.trim())
          ? ('all' as const)
          : o.fields.split(',');
      const input = {
        planId: o.plan,
        row: {
          // Checked against the contract's CHANGE, ADD or DELETE before anything runs.
          kind: o.kind as 'CHANGE',
          description: o.description,
          fields,
          records: o.records,
          due: o.due,
          errorType: o.errorType,
          cause: o.cause,
        },
      };
      const r = await perform(cmd, io, 'plans.addRow', input, flags);
      print(io, o.json, r, () => `Added row ${r.ref} to plan ${o.plan}.\n`);
    });

  for (const action of ['submit', 'approve', 'return'] as const) {
    plan
      .command(action)
      .description(
        `Record that the plan was ${action === 'submit' ? 'sent to HEFCE (ReturnDesk does not send it)' : action === 'approve' ? 'approved by HEFCE' : 'returned by HEFCE for revision'}`,
      )
      .requiredOption('--plan <id>', 'plan id', planId)
      .option('--date <date>', 'the day it happened, YYYY-MM-DD (default: today)')
      .option('--note <text>', 'a note for the history')
      .option('--evidence <file>', 'the e-mail or letter (.eml, .msg, .pdf, .txt) to keep with it')
      .option('--json', 'print the plan as JSON')
      .action(async (o: StepFlags, cmd: Command) => {
        const input = { planId: o.plan, action, note: o.note, date: o.date };
        const stepFlags = { ...flags, evidence: '--evidence' };
        checkInput('plans.move', input, stepFlags);
        const evidence = o.evidence === undefined ? undefined : await fileInput(o.evidence);
        const p = await perform(cmd, io, 'plans.move', { ...input, evidence }, stepFlags);
        print(
          io,
          o.json,
          p,
          () => `Plan ${p.id}: ${lowerFirst(planStatusWording(p))}.${stepEvidence(p)}\n`,
        );
      });
  }

  plan
    .command('undo')
    .description(
      'Take back the last submit, approve or return (until a file is finalised against the plan)',
    )
    .requiredOption('--plan <id>', 'plan id', planId)
    .option('--json', 'print the plan and the step undone as JSON')
    .action(async (o: { plan: number; json?: boolean }, cmd: Command) => {
      const r = await perform(cmd, io, 'plans.undo', { planId: o.plan }, flags);
      print(io, o.json, r, () => {
        const what = r.undone
          ? `Undid "${r.undone.to}" (${dayMonthYear(r.undone.date)})`
          : 'Undid the last step';
        const now =
          r.plan.status === 'draft'
            ? 'a draft again: its rows can be changed'
            : `${lowerFirst(planStatusWording(r.plan))} again`;
        return `${what}: plan ${r.plan.id} is ${now}.\n`;
      });
    });

  plan
    .command('revise')
    .description('Make a new draft version of a returned or approved plan (the old one is kept)')
    .requiredOption('--plan <id>', 'plan id', planId)
    .option('--note <text>', 'why it is revised')
    .option('--json', 'print the new plan as JSON')
    .action(async (o: { plan: number; note?: string; json?: boolean }, cmd: Command) => {
      const p = await perform(cmd, io, 'plans.revise', { planId: o.plan, note: o.note }, flags);
      print(
        io,
        o.json,
        p,
        () => `Created plan ${p.id}, version ${p.version} of plan ${o.plan}, as a draft.\n`,
      );
    });

  plan
    .command('list')
    .description('List action plans')
    .option('--provider <UPIN>', 'only this provider')
    .option('--json', 'print as JSON')
    .action(async (o: { provider?: string; json?: boolean }, cmd: Command) => {
      const list = await perform(cmd, io, 'plans.list', { upin: o.provider }, flags);
      print(io, o.json, list, () =>
        list.length
          ? table(
              ['Plan', 'Provider', 'Year', 'Version', 'Status', 'Rows', 'Title'],
              list.map((p) => [p.id, p.upin, p.year, p.version, p.status, p.rows.length, p.title]),
            )
          : 'No action plans yet.\n',
      );
    });

  plan
    .command('show')
    .description('Show a plan and its rows')
    .requiredOption('--plan <id>', 'plan id', planId)
    .option('--json', 'print as JSON')
    .action(async (o: { plan: number; json?: boolean }, cmd: Command) => {
      const p = await perform(cmd, io, 'plans.get', { planId: o.plan }, flags);
      print(io, o.json, p, () => showPlan(p));
    });

  registerPlanEvidence(plan, io);

  plan
    .command('export')
    .description("Write a plan to the Excel workbook HEFCE's template uses")
    .requiredOption('--plan <id>', 'plan id', planId)
    .requiredOption('--xlsx <file>', 'workbook to write')
    .option('--json', 'print as JSON')
    .action(async (o: { plan: number; xlsx: string; json?: boolean }, cmd: Command) => {
      const { plan: p, workbook } = await withOperations(cmd, io, async (ops) => ({
        plan: await run(ops, 'plans.get', { planId: o.plan }, flags),
        workbook: await run(ops, 'plans.exportXlsx', { planId: o.plan }, flags),
      }));
      try {
        await writeFile(o.xlsx, Buffer.from(workbook.base64, 'base64'));
      } catch (e) {
        throw new UsageError(describeFileError(o.xlsx, e));
      }
      print(
        io,
        o.json,
        { plan: p.id, xlsx: o.xlsx, rows: p.rows.length },
        () => `Wrote plan ${p.id} (${p.rows.length} rows) to ${o.xlsx}.\n`,
      );
    });

  plan
    .command('import')
    .description('Create a draft plan from an action plan workbook')
    .requiredOption('--xlsx <file>', 'workbook to read')
    .requiredOption('--provider <UPIN>', 'provider UPIN')
    .requiredOption('--year <year>', 'ILR year')
    .option('--json', 'print the created plan as JSON')
    .action(
      async (o: { xlsx: string; provider: string; year: string; json?: boolean }, cmd: Command) => {
        const importFlags = { ...flags, fileName: '--xlsx', source: '--xlsx' };
        checkInput(
          'plans.importXlsx',
          { upin: o.provider, year: o.year, fileName: 'x' },
          importFlags,
        );
        const file = await fileInput(o.xlsx);
        const p = await perform(
          cmd,
          io,
          'plans.importXlsx',
          { upin: o.provider, year: o.year, ...file },
          importFlags,
        );
        print(
          io,
          o.json,
          p,
          () => `Imported plan ${p.id} with ${p.rows.length} rows as a draft.\n`,
        );
      },
    );
}
