// An e-mail or letter kept as evidence of a plan step (HEFCE's approval, the message the plan was
// sent with): copied into the history's content store by SHA-256, so it can be shown later and
// cannot change (what is handed back is checked against it). Only the formats such evidence comes in, and a size an e-mail plausibly has.
import { createHash } from 'node:crypto';
import type { FileBytes } from '../../shared/ipc/common';
import type { PlanEvidence } from '../../shared/history/types';
import type { Store } from '../store';
import { sourceOf } from './source';
import { OperationError } from './refusal';
import { StoreError } from '../store';

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

/**
 * The evidence kept with step STEP_ID of plan PLAN_ID, read back from the content store and
 * checked against the SHA-256 the step recorded: a copy that changed since is refused rather than
 * handed over as HEFCE's e-mail.
 */
export async function keptEvidence(
  store: Store,
  planId: number,
  stepId: number,
): Promise<{ fileName: string; base64: string; sha256: string; bytes: number }> {
  const plan = store.plans.get(planId);
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) throw new OperationError('NOT_FOUND', `Plan ${planId} has no step ${stepId}.`);
  const e = step.evidence;
  if (!e)
    throw new OperationError(
      'NOT_FOUND',
      `Step ${stepId} of plan ${planId} has no e-mail or letter kept as evidence.`,
    );
  const changed = (why: string) =>
    new OperationError(
      'CORRUPT',
      `The kept copy of ${e.name} (step ${stepId} of plan ${planId}) ${why} since it was recorded: the history was altered. Restore it from a backup.`,
    );
  let source;
  try {
    source = store.content.source(e.sha256);
  } catch (err) {
    // The store names its folder; the user needs to know which evidence is affected.
    if (err instanceof StoreError && err.code === 'CORRUPT')
      throw changed('is missing or has changed');
    throw err;
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.open(0) as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Never more than evidence can be: a copy grown past it has changed anyway.
    if (size > EVIDENCE_MAX_BYTES) throw changed('has changed');
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (size !== e.bytes || hash.digest('hex') !== e.sha256) throw changed('has changed');
  const bytes = Buffer.concat(chunks);
  return { fileName: e.name, base64: bytes.toString('base64'), sha256: e.sha256, bytes: size };
}
