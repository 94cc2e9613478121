// A data request as the history keeps it, and what has happened to it: our own uploads against it
// and the portal's word (a colleague may have sent a file on the portal's website). Whichever was
// heard last decides, so a stale sync never hides a newer upload, nor the reverse.
import type { Submission } from './status';
import { requestStatus } from './status';
import type { RequestStatus } from './status';
import type { CalendarDate } from '../amd/model';
import { parseIsoDate } from '../domain';

export type PortalRequestStatus =
  'awaiting' | 'pending-verification' | 'accepted' | 'failed' | 'nil-return';

export interface PortalMessage {
  code: string;
  message: string;
  line?: number | null;
}

export interface DataRequest {
  id: number;
  destinationId: number | null;
  destination: string | null;
  /** The portal's id; null for a request added here for a portal ReturnDesk cannot reach. */
  portalId: string | null;
  period: string;
  template: string;
  /** YYYY-MM-DD */
  opens: string;
  /** YYYY-MM-DD */
  due: string;
  /** What the portal said at the last sync. */
  portal: {
    status: PortalRequestStatus;
    messages: PortalMessage[];
    fileName: string | null;
    syncedAt: string;
  } | null;
  nilReturn: { at: string; by: string } | null;
  createdAt: string;
}

/** Our latest upload against the request (only uploads whose every byte arrived count). */
export interface RequestUpload {
  id: number;
  fileName: string;
  status: 'transferring' | 'pending-verification' | 'accepted' | 'failed';
  messages: PortalMessage[];
  receivedAt: string | null;
  statusChangedAt: string;
}

/** Up to three of the portal's messages, each with its line, for the status's detail. */
export function failureText(messages: readonly PortalMessage[]): string {
  if (messages.length === 0) return 'The portal gave no details; ask the regulator.';
  const shown = messages
    .slice(0, 3)
    // The portal's messages often name their line already ("Line 7 says ..."): never twice.
    .map((m) =>
      m.line && !/^line \d/i.test(m.message) ? `Line ${m.line}: ${m.message}` : m.message,
    );
  const more = messages.length - shown.length;
  return more > 0 ? `${shown.join(' ')} (and ${more} more)` : shown.join(' ');
}

function fromPortal(p: NonNullable<DataRequest['portal']>): Submission {
  switch (p.status) {
    case 'awaiting':
      return { state: 'none' };
    case 'pending-verification':
      return { state: 'pending' };
    case 'accepted':
      return { state: 'accepted' };
    case 'failed':
      return { state: 'failed', message: failureText(p.messages) };
    case 'nil-return':
      return { state: 'nil' };
  }
}

function fromUpload(u: RequestUpload): Submission {
  switch (u.status) {
    case 'pending-verification':
      return { state: 'pending' };
    case 'accepted':
      return { state: 'accepted' };
    case 'failed':
      return { state: 'failed', message: failureText(u.messages) };
    case 'transferring':
      return { state: 'none' };
  }
}

export function submissionOf(request: DataRequest, latest: RequestUpload | null): Submission {
  if (request.nilReturn) return { state: 'nil' };
  // A transfer that never completed is an upload error, not a failed validation: nothing was sent.
  const sent = latest && latest.receivedAt !== null ? latest : null;
  if (sent && request.portal) {
    return Date.parse(sent.statusChangedAt) >= Date.parse(request.portal.syncedAt)
      ? fromUpload(sent)
      : fromPortal(request.portal);
  }
  if (sent) return fromUpload(sent);
  if (request.portal) return fromPortal(request.portal);
  return { state: 'none' };
}

export function statusOf(
  request: DataRequest,
  latest: RequestUpload | null,
  today: CalendarDate,
): RequestStatus {
  const opens = parseIsoDate(request.opens);
  const due = parseIsoDate(request.due);
  if (!opens || !due) throw new Error(`Data request ${request.id} has an impossible date.`);
  return requestStatus({ opens, due }, submissionOf(request, latest), today);
}
