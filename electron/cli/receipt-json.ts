// A receipt as the command line prints it with --json (the README's field names).
import type { ReceiptView } from '../../shared/ipc/views';

export const receiptJson = (u: ReceiptView) => ({
  file: u.fileName,
  bytes: u.bytes,
  sha256: u.sha256,
  serverSha256: u.serverSha256,
  uploadId: u.serverUploadId,
  status: u.status,
  destination: u.destination,
  area: u.area,
  batchId: u.batchId,
  receivedAt: u.receivedAt,
  user: u.user,
  messages: u.messages,
});
