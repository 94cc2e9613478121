// Action plans and the column mappings of MIS extracts.
import { z } from 'zod';
import type { ActionPlan, PlanRow, PlanStep } from '../history/types';
import { fileBytes, id } from './common';
import { TEXT_LIMITS as MAX, limitedText, trimmedText } from './limits';
import {
  fieldCodeSchema as fieldCode,
  ilrYearSchema as year,
  isoDateSchema,
  upinSchema as upin,
} from '../domain';

export const planRow = z.object({
  kind: z.enum(['CHANGE', 'ADD', 'DELETE'], { message: 'Choose CHANGE, ADD or DELETE.' }),
  description: trimmedText('The description', MAX.description).min(
    1,
    'Describe the area of difference.',
  ),
  fields: z.union([
    z.literal('all'),
    z.array(trimmedText('A field name', MAX.name).min(1)).min(1, 'Name the fields to be changed.'),
  ]),
  records: z.number().int().min(0, 'The number of records cannot be negative.'),
  due: isoDateSchema,
  errorType: limitedText('The error type', MAX.description).nullable().optional(),
  cause: limitedText('The cause', MAX.description).nullable().optional(),
});

export const planInputs = {
  'plans.list': z.object({ upin: upin.optional() }),
  'plans.get': z.object({ planId: id }),
  'plans.create': z.object({
    upin,
    year,
    title: trimmedText('The plan title', MAX.title).min(1, 'Give the plan a title.'),
    variant: z.enum(['general', 'heifes']),
  }),
  'plans.addRow': z.object({ planId: id, row: planRow }),
  /** Several rows at once (those a comparison proposed): all of them or, refused, none. */
  'plans.addRows': z.object({
    planId: id,
    rows: z.array(planRow).min(1, 'Choose at least one row to add.'),
  }),
  'plans.updateRow': z.object({ planId: id, ref: id, row: planRow }),
  'plans.removeRow': z.object({ planId: id, ref: id }),
  'plans.move': z.object({
    planId: id,
    action: z.enum(['submit', 'approve', 'return']),
    note: limitedText('The note', MAX.note).optional(),
    /** The day it happened, YYYY-MM-DD; today when left out. */
    date: isoDateSchema.optional(),
    /** An e-mail or letter (.eml, .msg, .pdf or .txt) kept in the history as evidence. */
    evidence: fileBytes.optional(),
  }),
  'plans.undo': z.object({ planId: id }),
  'plans.revise': z.object({ planId: id, note: limitedText('The note', MAX.note).optional() }),
  /** The e-mail or letter kept with a step, as it was kept (its SHA-256 checked). Ids only: small. */
  'plans.evidence': z.object({ planId: id, stepId: id }),
  'plans.exportXlsx': z.object({ planId: id }),
  'plans.importXlsx': fileBytes.extend({ upin, year }),
  'mappings.get': z.object({ upin }),
  'mappings.save': z.object({
    upin,
    mapping: z.record(limitedText('A column name', MAX.name), fieldCode),
  }),
} as const;

export interface PlanOutputs {
  'plans.list': ActionPlan[];
  'plans.get': ActionPlan;
  'plans.create': ActionPlan;
  'plans.addRow': PlanRow;
  'plans.addRows': ActionPlan;
  'plans.updateRow': PlanRow;
  'plans.removeRow': ActionPlan;
  'plans.move': ActionPlan;
  /** The plan as it is now, and the step taken back (null for a plan recorded before steps). */
  'plans.undo': { plan: ActionPlan; undone: PlanStep | null };
  'plans.revise': ActionPlan;
  'plans.exportXlsx': { fileName: string; base64: string };
  'plans.evidence': { fileName: string; base64: string; sha256: string; bytes: number };
  'plans.importXlsx': ActionPlan;
  'mappings.get': Record<string, string>;
  'mappings.save': Record<string, string>;
}

/** What each mutating channel changes (dispatch tells the screens after it succeeds). */
export const planMutations = {
  'plans.create': ['plans'],
  'plans.addRow': ['plans'],
  'plans.addRows': ['plans'],
  'plans.updateRow': ['plans'],
  'plans.removeRow': ['plans'],
  'plans.move': ['plans'],
  'plans.undo': ['plans'],
  'plans.revise': ['plans'],
  'plans.importXlsx': ['plans'],
  'mappings.save': ['mappings'],
} as const;
