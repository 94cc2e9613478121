// Building a history through the Store API the way the CLI and the app do: providers, approved
// plans, and real amendment files (the engine's builder) finalised against plan rows.
import { buildAmendmentFile } from '../../../../shared/amd/build';
import type { AdditionType, AmendmentKind, DataSet } from '../../../../shared/amd/model';
import type { ActionPlan, StoredAmendmentFile } from '../../../../shared/history/types';
import { Store } from '../../../../electron/store';
import type { BuiltContent } from '../../../../electron/store/files';
import type { NewPlanRow } from '../../../../electron/store/plans';

export const UPIN = '105432';
export const YEAR = '2010-11';

/** Row 1 CHANGE, row 2 DELETE, row 3 ADD: one area of difference of each kind. */
export const PLAN_ROWS: readonly NewPlanRow[] = [
  {
    kind: 'CHANGE',
    description: 'Learning start dates (A27) corrected',
    fields: ['A27'],
    records: 3,
    due: '2011-03-31',
  },
  {
    kind: 'DELETE',
    description: 'Aims recorded twice removed',
    fields: 'all',
    records: 2,
    due: '2011-03-31',
  },
  {
    kind: 'ADD',
    description: 'Learners missing from the return added',
    fields: 'all',
    records: 1,
    due: '2011-04-15',
  },
];

export const REF: Record<AmendmentKind, number> = { CHANGE: 1, DELETE: 2, ADD: 3 };

export function addProvider(store: Store, upin = UPIN) {
  return store.providers.add({ upin, name: `College ${upin}` });
}

/** A plan with the given rows taken through submit and approve. */
export function approvedPlan(
  store: Store,
  upin = UPIN,
  rows: readonly NewPlanRow[] = PLAN_ROWS,
): ActionPlan {
  const plan = store.plans.create({ upin, year: YEAR, title: 'Corrections after R14' });
  for (const r of rows) store.plans.addRow(plan.id, r);
  store.plans.move(plan.id, 'submit');
  return store.plans.move(plan.id, 'approve');
}

/** Sets up a history in `folder` for the CLI: provider 105432 with an approved plan; its id. */
export function seedApprovedPlan(folder: string): number {
  const store = new Store(folder, { user: 'jo.bloggs' });
  try {
    return providerWithPlan(store).id;
  } finally {
    store.close();
  }
}

/** A provider with an approved plan of the three standard rows. */
export function providerWithPlan(store: Store, upin = UPIN): ActionPlan {
  addProvider(store, upin);
  return approvedPlan(store, upin);
}

const FIELDS: Record<DataSet, string[]> = {
  L: ['L01', 'L03', 'L05', 'L11'],
  A: ['A01', 'A03', 'A05', 'A27'],
  H: ['H01', 'H03', 'H05', 'H14'],
};

export interface FileParts {
  kind: AmendmentKind;
  dataSet: DataSet;
  additionType?: AdditionType;
}

/** The build callback finalise runs once the NN is known: a real file from the engine. */
export function builder(upin: string, parts: FileParts, ref: number) {
  return (seq: number): BuiltContent => {
    const fields = FIELDS[parts.dataSet];
    const built = buildAmendmentFile({
      ...parts,
      provider: upin,
      seq,
      createdOn: { year: 2011, month: 3, day: 14 },
      description: `Corrections - reference number ${ref}`,
      notes: [],
      fields,
      uniqueFields: parts.kind === 'ADD' ? [] : fields.slice(0, 3),
      changedFields: parts.kind === 'CHANGE' ? fields.slice(3) : [],
      checksumField: fields[2] ?? '',
      records: [[upin, '000012345678', '01', '01092010']],
    });
    if (!built.ok) throw new Error(built.problems.join('; '));
    return {
      name: built.file.name,
      bytes: Buffer.from(built.file.text, 'latin1'),
      records: built.file.records,
      checksumField: fields[2] ?? '',
      checksum: built.file.checksum,
    };
  };
}

/** Finalises a file against row `ref` of `plan` (by default the row of the file's kind). */
export function finalise(
  store: Store,
  plan: ActionPlan,
  parts: FileParts,
  opts: { ref?: number; explicitSeq?: number } = {},
): StoredAmendmentFile {
  const ref = opts.ref ?? REF[parts.kind];
  const row = plan.rows.find((r) => r.ref === ref);
  return store.files.finalise({
    providerId: plan.providerId,
    year: plan.year,
    ...parts,
    planRowId: row ? row.id : -1,
    explicitSeq: opts.explicitSeq,
    build: builder(plan.upin, parts, ref),
  });
}

export const CHANGE_A: FileParts = { kind: 'CHANGE', dataSet: 'A' };
