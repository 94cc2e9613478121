// Export and discard, shared by the list and the single-file page.
import type { WindowApi } from '../../../../shared/ipc/api';
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import type { NoticeMessage } from '../../../components/Notice';
import { fromError } from '../../../components/Notice';
import { base64ToBytes, downloadBlob } from '../download';
import { discardOutcome } from './file-list-model';

export async function exportFile(api: WindowApi, name: string): Promise<NoticeMessage | null> {
  const r = await api['files.content']({ name });
  if (!r.ok) return fromError(r.error, `${name} could not be exported`);
  const bytes = base64ToBytes(r.value.base64);
  downloadBlob(r.value.fileName, new Blob([bytes], { type: 'text/plain' }));
  return null;
}

export async function discardFile(api: WindowApi, f: StoredAmendmentFile): Promise<NoticeMessage> {
  const r = await api['files.discard']({ name: f.name });
  if (!r.ok) return fromError(r.error, `${f.name} was not discarded`);
  return { intent: 'success', text: discardOutcome(r.value.file, r.value.released) };
}
