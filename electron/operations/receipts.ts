// Printable receipts, one per upload or per batch, from the history's own records; and the data
// officer's name that receipts give as the sender.
import type { Upload } from '../store';
import type { OperationTableOf } from './table';
import type { OperationHost } from './host';
import type { PrintableReceipt, PrintableReceiptFile } from '../../shared/ipc/receipt';
import { plural } from '../../shared/history/wording';
import { DATA_OFFICER_SETTING, dataOfficer } from './data-officer';
import { OperationError } from './refusal';

function outcome(u: Upload): string {
  switch (u.status) {
    case 'accepted':
      return 'Accepted by the regulator';
    case 'failed':
      return u.messages.length === 0
        ? 'Failed, with no details given'
        : `Failed: ${u.messages.map((m) => (m.line ? `line ${m.line}: ${m.message}` : m.message)).join(' ')}`;
    case 'pending-verification':
      return 'Received in full (SHA-256 matched); awaiting verification';
    case 'transferring':
      return 'Not yet received in full';
  }
}

function fileOf(u: Upload): PrintableReceiptFile {
  return {
    name: u.fileName,
    bytes: u.bytes,
    sha256: u.sha256,
    serverSha256: u.serverSha256,
    uploadId: u.serverUploadId,
    status: u.status,
    outcome: outcome(u),
    auditHead: u.auditHead,
  };
}

/** One sentence for all the files: never "accepted" for what the regulator has not accepted. */
function verification(uploads: readonly Upload[]): string {
  const count = (s: Upload['status']) => uploads.filter((u) => u.status === s).length;
  const n = uploads.length;
  if (count('accepted') === n)
    return n === 1 ? 'Accepted by the regulator.' : `All ${n} files accepted by the regulator.`;
  const parts = [
    [count('accepted'), 'accepted'],
    [count('failed'), 'failed verification'],
    [count('pending-verification'), 'received and awaiting verification'],
    [count('transferring'), 'not yet received in full'],
  ] as const;
  return `${parts
    .filter(([k]) => k > 0)
    .map(([k, what]) => `${plural(k, 'file')} ${what}`)
    .join('; ')}.`;
}

/** The newest upload of each file name, in the order the files were first sent. */
function latestPerFile(uploads: readonly Upload[]): Upload[] {
  const byName = new Map<string, Upload>();
  for (const u of [...uploads].sort((a, b) => a.id - b.id)) byName.set(u.fileName, u);
  return [...byName.values()];
}

export function receiptOperations(
  host: OperationHost,
): OperationTableOf<'receipts.get' | 'dataOfficer.get' | 'dataOfficer.set'> {
  const officer = () => {
    const store = host.store();
    return { name: dataOfficer(store), account: store.account };
  };
  return {
    'receipts.get': ({ uploadId, batchId }) => {
      const store = host.store();
      const batch = batchId !== undefined ? store.batches.get(batchId) : undefined;
      const uploads = batch
        ? latestPerFile(store.uploads.list({ batchId: batch.id }))
        : [store.uploads.load(uploadId ?? 0)];
      const first = uploads[0];
      if (!first)
        throw new OperationError(
          'INVALID_STATE',
          `Batch ${batchId} has not been uploaded yet, so it has no receipt.`,
        );
      const inBatch = batch ?? (first.batchId !== null ? store.batches.get(first.batchId) : null);
      const provider = inBatch ? store.providers.get(inBatch.upin) : null;
      const received = uploads.map((u) => u.receivedAt);
      const heads = uploads.flatMap((u) => (u.auditHead ? [u.auditHead] : []));
      const receipt: PrintableReceipt = {
        kind: batch ? 'batch' : 'upload',
        id: batch ? batch.id : first.id,
        title: batch ? `Batch ${batch.id} receipt` : `Upload receipt ${first.id}`,
        provider: provider ? `${provider.upin} ${provider.name}` : null,
        year: inBatch?.year ?? null,
        destination: first.destination,
        area: first.area,
        files: uploads.map(fileOf),
        totalBytes: uploads.reduce((n, u) => n + u.bytes, 0),
        startedAt: uploads.map((u) => u.startedAt).sort()[0] ?? first.startedAt,
        receivedAt: received.every((r) => r !== null) ? (received.sort().at(-1) ?? null) : null,
        sentBy: first.user,
        sentByIsPerson: first.userIsPerson,
        signedOff:
          inBatch?.signedOffBy && inBatch.signedOffAt
            ? { by: inBatch.signedOffBy, at: inBatch.signedOffAt }
            : null,
        verification: verification(uploads),
        auditHead: heads.sort((a, b) => a.entry - b.entry).at(-1) ?? null,
      };
      return receipt;
    },
    'dataOfficer.get': () => officer(),
    'dataOfficer.set': ({ name }) => {
      host.store().settings.setAudited(DATA_OFFICER_SETTING, name, 'settings.data_officer');
      return officer();
    },
  };
}
