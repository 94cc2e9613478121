// Amendment files: list, read, export, discard, mark, and make them: finalised from what the
// wizard prepared (the renderer builds and checks the preview itself, the engine being pure), or
// built from an MIS extract, kept as final when built against a plan row (file-build.ts).
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import type { ReceiptView } from '../../shared/ipc/views';
import type { BuiltAmendmentFile } from '../../shared/ipc/files';
import type { Upload } from '../store';
import type { ExtractPlan } from '../../shared/amd';
import type { ComputedFrom, StoredAmendmentFile } from '../../shared/history/types';
import { amendmentFileName, parseDdMmYyyy } from '../../shared/amd';
import { catalogueFor } from '../../shared/ilr/catalogue';
import { calendarDateIn } from '../../shared/dates';
import { decodeBytes } from '../files/text';
import { buildChecked, finaliseAgainstRow, planExtract } from './file-build';
import type { BuiltFile, FileParts } from './file-build';
import type { CalendarDate } from '../../shared/amd';
import { draftOperations } from './file-drafts';

export function receiptView(u: Upload): ReceiptView {
  return {
    id: u.id,
    file: u.fileName,
    destination: u.destination,
    area: u.area,
    batchId: u.batchId,
    bytes: u.bytes,
    sha256: u.sha256,
    serverSha256: u.serverSha256,
    uploadId: u.serverUploadId,
    status: u.status,
    messages: u.messages,
    user: u.user,
    userIsPerson: u.userIsPerson,
    auditHead: u.auditHead,
    startedAt: u.startedAt,
    receivedAt: u.receivedAt,
  };
}

function builtView(
  built: BuiltFile,
  plan: ExtractPlan,
  stored: StoredAmendmentFile | null,
  computedFrom: ComputedFrom | undefined,
): BuiltAmendmentFile {
  return {
    name: built.name,
    seq: built.seq,
    sha256: built.sha256,
    records: built.records,
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    checksum: built.checksum,
    checksumReason: plan.checksum.reason,
    checksumAdded: plan.checksum.added,
    ignoredColumns: plan.ignoredColumns,
    encoding: 'windows-1252',
    report: built.report,
    base64: built.bytes.toString('base64'),
    stored,
    computedFrom: computedFrom ?? null,
  };
}

/** What makes a file whose fields, keys, checksum field and records an extract's plan decided. */
function fromPlan(
  i: Pick<FileParts, 'kind' | 'dataSet' | 'additionType' | 'notes'>,
  plan: ExtractPlan,
  createdOn: CalendarDate,
): FileParts {
  return {
    kind: i.kind,
    dataSet: i.dataSet,
    additionType: i.additionType,
    notes: i.notes,
    createdOn,
    fields: plan.fields,
    uniqueFields: plan.uniqueFields,
    changedFields: plan.changedFields,
    checksumField: plan.checksum.field,
    records: plan.records,
  };
}

export function fileOperations(
  host: OperationHost,
): OperationTableOf<
  | 'files.list'
  | 'files.get'
  | 'files.content'
  | 'files.discard'
  | 'files.mark'
  | 'files.finalise'
  | 'files.preview'
  | 'files.build'
  | 'files.drafts'
  | 'files.draft'
  | 'files.saveDraft'
  | 'files.saveDraftExtract'
  | 'files.discardDraft'
> {
  const today = () => calendarDateIn(host.clock.now());
  // The contract has checked that the date exists.
  const createdOn = (ddmmyyyy: string | undefined) =>
    (ddmmyyyy === undefined ? undefined : parseDdMmYyyy(ddmmyyyy)) ?? today();
  return {
    ...draftOperations(host),
    'files.list': ({ status, upin }) => host.store().files.list({ status, upin }),
    'files.get': ({ name }) => {
      const store = host.store();
      const file = store.files.get(name);
      const receipts = store.uploads
        .list()
        .filter(
          (u) => u.fileId === file.id || (u.fileName === file.name && u.sha256 === file.sha256),
        )
        .map(receiptView);
      return { file, text: decodeBytes(store.files.content(file.sha256)).text, receipts };
    },
    'files.content': ({ name }) => {
      const store = host.store();
      const file = store.files.get(name);
      return {
        fileName: file.name,
        base64: store.files.content(file.sha256).toString('base64'),
        sha256: file.sha256,
      };
    },
    'files.discard': ({ name }) => host.store().files.discard(name),
    'files.mark': ({ name, status, note }) => host.store().files.mark(name, status, note),
    'files.finalise': async (i) => {
      const o = { today: today() };
      if (i.returned && i.corrected) {
        // Against the data as returned the records are worked out as files.build works them out.
        const { plan, computedFrom } = await planExtract({
          ...i.corrected,
          kind: i.kind,
          dataSet: i.dataSet,
          additionType: i.additionType,
          keys: i.keys,
          changed: i.kind === 'CHANGE' ? i.changedFields : undefined,
          checksumField: i.checksumField,
          returned: i.returned,
          columns: i.columns,
        });
        const parts = fromPlan(i, plan, createdOn(i.createdOn));
        const { stored } = finaliseAgainstRow(
          host.store(),
          i,
          (provider, seq, description) => buildChecked(parts, provider, seq, description, o),
          computedFrom,
        );
        return stored;
      }
      // The contract has checked that the records and fields are given without `returned`.
      const parts = {
        ...i,
        fields: i.fields ?? [],
        changedFields: i.changedFields ?? [],
        records: i.records ?? [],
        createdOn: createdOn(i.createdOn),
      };
      const { stored } = finaliseAgainstRow(host.store(), i, (provider, seq, description) =>
        buildChecked(parts, provider, seq, description, o),
      );
      return stored;
    },
    'files.preview': (i) => {
      const store = host.store();
      const { plan, row } = store.plans.approvedRow(i.planId, i.ref, i.kind);
      const seq = store.files.nextSeq({
        providerId: plan.providerId,
        kind: i.kind,
        dataSet: i.dataSet,
        additionType: i.additionType,
        planRowId: row.id,
        explicitSeq: i.seq,
      });
      const name = amendmentFileName({
        kind: i.kind,
        provider: plan.upin,
        dataSet: i.dataSet,
        additionType: i.additionType,
        seq,
      });
      return { name, seq };
    },
    'files.build': async (i) => {
      const { plan, computedFrom } = await planExtract(i);
      const parts = fromPlan(i, plan, createdOn(i.createdOn));
      const o = {
        catalogue: i.year === undefined ? undefined : catalogueFor(i.year),
        today: today(),
      };
      if (i.planId === undefined || i.ref === undefined) {
        // Without a plan row nothing is kept: the provider, NN and description are the user's.
        const built = buildChecked(parts, i.upin ?? '', i.seq ?? 0, i.description ?? '', o);
        return builtView(built, plan, null, computedFrom);
      }
      const row = { ...i, planId: i.planId, ref: i.ref };
      const { stored, built } = finaliseAgainstRow(
        host.store(),
        row,
        (provider, seq, d) => buildChecked(parts, provider, seq, d, o),
        computedFrom,
      );
      return builtView(built, plan, stored, computedFrom);
    },
  };
}
