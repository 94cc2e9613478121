// The two ways the wizard finalises a file: the records the user chose, sent as they are; or,
// compared with the data as returned, both extracts, from which main works the records out.
import type { DataSet } from '../../../../shared/amd';
import { fileToBase64 } from '../../../app/bytes';
import type { useApi } from '../../../app/hooks';
import type { FileChoices } from '../engine/extract-session';
import type { ExtractWorker } from '../workers/clients';
import type { ExtractWorkers } from '../workers/registry';
import { columnsOf } from './comparison-view';
import { DATA_SET_LABELS } from './explain';
import type { PartState } from './wizard-state';

type Api = ReturnType<typeof useApi>;
type FinaliseInput = Parameters<Api['files.finalise']>[0];
type Common = Omit<FinaliseInput, 'uniqueFields' | 'checksumField'>;

/** The records the user chose, built in the extract's worker and sent as they are. */
export async function finaliseChosen(
  api: Api,
  common: Common,
  part: PartState,
  worker: ExtractWorker,
  choices: FileChoices,
) {
  const plan = await worker.rpc.call('records', {
    codes: part.codes,
    choices,
    selected: part.selection?.bits ?? new Uint8Array(0),
  });
  return api['files.finalise']({
    ...common,
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    records: plan.records,
  });
}

/**
 * Against the data as returned, both extracts go to main, which works the records out as
 * files.build does and keeps which two extracts the file was computed from.
 */
export async function finaliseCompared(
  api: Api,
  common: Common,
  part: PartState,
  workers: ExtractWorkers,
  d: DataSet,
) {
  const returned = workers.fileOf(d, 'returned');
  const corrected = workers.fileOf(d, 'corrected');
  if (!returned || !corrected || !part.returned || !part.extract)
    throw new Error(`Compare the ${DATA_SET_LABELS[d]} extract with the data as returned again.`);
  const [rb, cb] = await Promise.all([fileToBase64(returned), fileToBase64(corrected)]);
  if (!rb.ok) throw new Error(rb.error.message);
  if (!cb.ok) throw new Error(cb.error.message);
  const kind = common.kind;
  return api['files.finalise']({
    ...common,
    returned: { fileName: returned.name, base64: rb.value },
    corrected: { fileName: corrected.name, base64: cb.value },
    keys: part.returned.keys,
    columns: columnsOf(part.extract.header, part.codes),
    uniqueFields: kind === 'ADD' ? [] : part.returned.keys,
    changedFields:
      kind === 'CHANGE' ? (part.changed ?? part.returned.view.changedFields) : undefined,
    checksumField: part.checksum,
  });
}
