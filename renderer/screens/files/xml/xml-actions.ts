// Withdrawing an XML file, shared by the list, the file's own page and a batch's missing files.
import type { WindowApi } from '../../../../shared/ipc/api';
import type { NoticeMessage } from '../../../components/Notice';
import { fromError } from '../../../components/Notice';
import { withdrawOutcome } from './xml-model';

export async function withdrawXml(
  api: WindowApi,
  name: string,
  reason: string,
): Promise<NoticeMessage> {
  const r = await api['xmlFiles.withdraw']({ name, reason });
  if (!r.ok) return fromError(r.error, `${name} was not withdrawn`);
  return { intent: 'success', text: withdrawOutcome(r.value.file.name, r.value.removedFrom) };
}
