// Action plans and the column mappings of MIS extracts.
import type { OperationHost } from './host';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';
import { planWorkbookBytes } from '../files/plan-workbook';
import { importInWorker, ImportRefused } from '../files/import/run';
import { StoreError } from '../store';
import { keepEvidence, keptEvidence } from './plan-evidence';

export function planOperations(
  host: OperationHost,
): OperationTableOf<
  | 'plans.list'
  | 'plans.get'
  | 'plans.create'
  | 'plans.addRow'
  | 'plans.updateRow'
  | 'plans.removeRow'
  | 'plans.move'
  | 'plans.undo'
  | 'plans.revise'
  | 'plans.exportXlsx'
  | 'plans.evidence'
  | 'plans.importXlsx'
  | 'mappings.get'
  | 'mappings.save'
> {
  return {
    'plans.list': ({ upin }) => host.store().plans.list({ upin }),
    'plans.get': ({ planId }) => host.store().plans.get(planId),
    'plans.create': (i) =>
      host.store().plans.create({ upin: i.upin, year: i.year, title: i.title, variant: i.variant }),
    'plans.addRow': ({ planId, row }) => host.store().plans.addRow(planId, row),
    'plans.updateRow': ({ planId, ref, row }) => host.store().plans.updateRow(planId, ref, row),
    'plans.removeRow': ({ planId, ref }) => {
      host.store().plans.removeRow(planId, ref);
      return host.store().plans.get(planId);
    },
    'plans.move': async ({ planId, action, note, date, evidence }) => {
      const store = host.store();
      // Kept before the step's transaction (copying a file cannot run inside one); content is
      // addressed by hash, so a refused step leaves at most an unreferenced copy.
      const kept = evidence ? await keepEvidence(store, evidence) : undefined;
      return store.plans.move(planId, action, note, { date, evidence: kept });
    },
    'plans.undo': ({ planId }) => host.store().plans.undo(planId),
    'plans.revise': ({ planId, note }) => host.store().plans.revise(planId, note),
    'plans.exportXlsx': async ({ planId }) => {
      const plan = host.store().plans.get(planId);
      const bytes = await planWorkbookBytes(plan);
      return {
        fileName: `action-plan-${plan.upin}-${plan.year}-v${plan.version}.xlsx`,
        base64: bytes.toString('base64'),
      };
    },
    'plans.evidence': ({ planId, stepId }) => keptEvidence(host.store(), planId, stepId),
    'plans.importXlsx': async ({ upin, year, ...file }) => {
      const { fileName } = file;
      let wb;
      try {
        // Read in the import worker: a crafted workbook fails there, never here.
        wb = await importInWorker('plan-workbook', sourceOf(file));
      } catch (e) {
        if (e instanceof ImportRefused) throw new StoreError('INVALID_INPUT', e.message);
        throw e;
      }
      if (wb.upin && wb.upin !== upin)
        throw new StoreError(
          'INVALID_INPUT',
          `${fileName} is a plan for provider ${wb.upin}, not ${upin}.`,
        );
      if (wb.year && wb.year !== year)
        throw new StoreError('INVALID_INPUT', `${fileName} is a plan for ${wb.year}, not ${year}.`);
      return host
        .store()
        .plans.importPlan({ upin, year, title: wb.title, variant: wb.variant, rows: wb.rows });
    },
    'mappings.get': ({ upin }) =>
      host.store().settings.get<Record<string, string>>(`mapping:${upin}`, {}),
    'mappings.save': ({ upin, mapping }) => {
      host.store().settings.set(`mapping:${upin}`, mapping);
      return mapping;
    },
  };
}
