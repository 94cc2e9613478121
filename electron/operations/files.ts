// Amendment files: list, read, export, discard, mark, and make them: finalised from what the
// wizard prepared (the renderer builds and checks the preview itself, the engine being pure), or
// built from an MIS extract in the import worker, kept as final when built against a plan row
// (file-build.ts).
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import type { ReceiptView } from '../../shared/ipc/views';
import type { BuiltAmendmentFile } from '../../shared/ipc/files';
import type { Upload } from '../store';
import type { StoredAmendmentFile } from '../../shared/history/types';
import { amendmentFileName, parseDdMmYyyy } from '../../shared/amd';
import { calendarDateIn } from '../../shared/dates';
import { decodeBytes } from '../files/text';
import { finaliseAgainstRow, finaliseFromExtract, rowTarget } from './file-build';
import { buildChecked } from './file-parts';
import type { ExtractFile } from './file-parts';
import { extractFileUntrusted } from './untrusted-extracts';
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
  { built, plan, computedFrom }: ExtractFile,
  stored: StoredAmendmentFile | null,
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
        const request = {
          ...i.corrected,
          kind: i.kind,
          dataSet: i.dataSet,
          additionType: i.additionType,
          keys: i.keys,
          changed: i.kind === 'CHANGE' ? i.changedFields : undefined,
          checksumField: i.checksumField,
          returned: i.returned,
          columns: i.columns,
          notes: i.notes,
          createdOn: createdOn(i.createdOn),
          today: o.today,
        };
        const { stored } = await finaliseFromExtract(
          () => host.store(),
          i,
          (target) => extractFileUntrusted(host, request, target),
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
      const { provider, seq } = rowTarget(host.store(), i);
      const name = amendmentFileName({
        kind: i.kind,
        provider,
        dataSet: i.dataSet,
        additionType: i.additionType,
        seq,
      });
      return { name, seq };
    },
    'files.build': async (i) => {
      const request = { ...i, createdOn: createdOn(i.createdOn), today: today() };
      if (i.planId === undefined || i.ref === undefined) {
        // Without a plan row nothing is kept: the provider, NN and description are the user's.
        const target = {
          provider: i.upin ?? '',
          seq: i.seq ?? 0,
          description: i.description ?? '',
        };
        return builtView(await extractFileUntrusted(host, request, target), null);
      }
      const row = { ...i, planId: i.planId, ref: i.ref };
      const { stored, file } = await finaliseFromExtract(
        () => host.store(),
        row,
        (target) => extractFileUntrusted(host, request, target),
      );
      return builtView(file, stored);
    },
  };
}
