// An e-mail or letter kept as evidence of a plan step (HEFCE's approval, the message the plan was
// sent with): copied into the history's content store by SHA-256, so it can be shown later and
// cannot change. Only the formats such evidence comes in, and a size an e-mail plausibly has.
import type { FileBytes } from '../../shared/ipc/common';
import type { PlanEvidence } from '../../shared/history/types';
import type { Store } from '../store';
import { sourceOf } from './source';
import { OperationError } from './refusal';

export const EVIDENCE_TYPES = ['.eml', '.msg', '.pdf', '.txt'] as const;
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export async function keepEvidence(store: Store, file: FileBytes): Promise<PlanEvidence> {
  const name = file.fileName;
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  if (!(EVIDENCE_TYPES as readonly string[]).includes(ext))
    throw new OperationError(
      'INVALID_INPUT',
      `${name} cannot be kept as evidence: attach the e-mail or letter as ${EVIDENCE_TYPES.join(', ')}.`,
    );
  const source = sourceOf(file);
  const tooBig = (bytes: number) =>
    new OperationError(
      'INVALID_INPUT',
      `${name} is ${Math.ceil(bytes / 1024 / 1024)} MB; evidence is limited to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB. Save the e-mail without large attachments, or as a PDF.`,
    );
  if (source.size !== null && source.size > EVIDENCE_MAX_BYTES) throw tooBig(source.size);
  const { sha256, size } = await store.content.putStream(source.open());
  // A source of unknown size is measured as it is kept; what was kept stays (content is immutable
  // and addressed by hash), but the step is not recorded with it.
  if (size > EVIDENCE_MAX_BYTES) throw tooBig(size);
  if (size === 0)
    throw new OperationError('INVALID_INPUT', `${name} is empty: attach the e-mail itself.`);
  return { name, sha256, bytes: size };
}
