// Amendment files: list, read, export, discard, and finalise from what the wizard prepared. The
// renderer builds and checks the preview itself (the engine is pure); finalising is done here,
// inside the history's transaction, where the NN is allocated.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import type { ReceiptView } from '../../shared/ipc/views';
import type { Upload } from '../store';
import { StoreError } from '../store';
import { buildAndCheck, parseDdMmYyyy } from '../../shared/amd';
import type { AmendmentFileSpec } from '../../shared/amd';
import { calendarDateIn } from '../../shared/dates';
import { decodeBytes, encodeWindows1252 } from '../files/text';
import { describeForRow } from '../../shared/history/wording';

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
    startedAt: u.startedAt,
    receivedAt: u.receivedAt,
  };
}

export function fileOperations(
  host: OperationHost,
): OperationTableOf<
  'files.list' | 'files.get' | 'files.content' | 'files.discard' | 'files.finalise'
> {
  return {
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
      return { fileName: file.name, base64: store.files.content(file.sha256).toString('base64') };
    },
    'files.discard': ({ name }) => {
      const r = host.store().files.discard(name);
      return r;
    },
    'files.finalise': (i) => {
      const store = host.store();
      const { plan, row } = store.plans.approvedRow(i.planId, i.ref, i.kind);
      const createdOn = i.createdOn ? parseDdMmYyyy(i.createdOn) : calendarDateIn(host.clock.now());
      if (!createdOn)
        throw new StoreError(
          'INVALID_INPUT',
          `The creation date ${i.createdOn} is not a real date.`,
        );
      const description = describeForRow(i.description ?? row.description, row.ref);
      const file = store.files.finalise({
        providerId: plan.providerId,
        year: plan.year,
        kind: i.kind,
        dataSet: i.dataSet,
        additionType: i.additionType,
        planRowId: row.id,
        build: (seq) => {
          const spec: AmendmentFileSpec = {
            kind: i.kind,
            dataSet: i.dataSet,
            additionType: i.additionType,
            provider: plan.upin,
            seq,
            createdOn,
            description,
            notes: (i.notes ?? []) as [string, string],
            fields: i.fields,
            uniqueFields: i.uniqueFields,
            changedFields: i.changedFields,
            checksumField: i.checksumField,
            records: i.records,
          };
          const built = buildAndCheck(spec, { today: calendarDateIn(host.clock.now()) });
          // Thrown inside the transaction: nothing is stored and the NN is not used.
          if (!built.ok)
            throw new StoreError(
              'INVALID_INPUT',
              `The file would not be valid: ${built.problems.slice(0, 3).join(' ')}`,
            );
          return {
            name: built.file.name,
            bytes: encodeWindows1252(built.file.text),
            records: built.file.records,
            checksumField: i.checksumField,
            checksum: built.file.checksum,
          };
        },
      });
      return file;
    },
  };
}
