// The Data portal dashboard's rules apart from its drawing, as Ofqual's guide describes them: which
// requests go on Current and which on Previous, in date order, which buttons a row offers, and what
// a refresh found. The status wording itself comes from main (shared/portal/status.ts).
import type { DataRequestView } from '../../../shared/ipc/portal';
import type { AppError } from '../../../shared/ipc/result';
import type { DestinationView } from '../../../shared/ipc/views';
import { plural } from '../../../shared/history/wording';
import type { StatusColor } from '../../components/StatusBadge';

export type PortalTab = 'current' | 'previous';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The requests on one tab, in date order: Current soonest due first (what needs doing next),
 * Previous latest due first (the most recent submissions at the top). Ties go by template, then
 * period, then id, so the order never depends on how main happened to list them.
 */
export function requestsOn(
  requests: readonly DataRequestView[],
  tab: PortalTab,
): DataRequestView[] {
  const sign = tab === 'current' ? 1 : -1;
  return requests
    .filter((r) => r.status.tab === tab)
    .sort(
      (a, b) =>
        sign * byText(a.due, b.due) ||
        byText(a.template.toLowerCase(), b.template.toLowerCase()) ||
        byText(a.period, b.period) ||
        a.id - b.id,
    );
}

export function tabLabel(tab: PortalTab, count: number): string {
  return `${tab === 'current' ? 'Current' : 'Previous'} (${count})`;
}

export const EMPTY_TAB: Record<PortalTab, { title: string; body: string }> = {
  current: {
    title: 'No data requests need doing.',
    body: 'Requests from the portal appear here after Refresh, with their due dates; you can also add them yourself or import a reporting schedule.',
  },
  previous: {
    title: 'Nothing has been submitted yet.',
    body: 'Accepted submissions and nil returns ("No data submitted") move here.',
  },
};

export function badgeColor(tone: DataRequestView['status']['tone']): StatusColor {
  return tone === 'neutral' ? 'informative' : tone;
}

export interface RowActions {
  /** The guide's upload button: only while the collection is open and nothing is settled. */
  upload: boolean;
  /** "No data to submit": an open request on Current with nothing accepted and no nil return. */
  nilReturn: boolean;
}

export function rowActions(r: DataRequestView): RowActions {
  const open = r.status.canUpload;
  return {
    upload: open,
    nilReturn:
      open &&
      r.status.tab === 'current' &&
      r.nilReturn === null &&
      r.latestUpload?.status !== 'accepted',
  };
}

/** The portal's message beside a failure, shown on Current only. */
export function failureDetail(r: DataRequestView): string | null {
  return r.status.tab === 'current' ? r.status.detail : null;
}

/** How the request is named in buttons and dialogs: "SpecificationCodes for June 2019". */
export const requestName = (r: Pick<DataRequestView, 'template' | 'period'>): string =>
  `${r.template} for ${r.period}`;

/** Where the request came from, in a line under its template. */
export function requestSource(r: DataRequestView): string {
  if (r.fromPortal) return `From ${r.destination ?? 'the portal'}`;
  return r.destination ? `Added here, for ${r.destination}` : 'Added here, no destination';
}

/** The stored destination a request goes to, matched by name as the view gives it. */
export function destinationOf(
  r: Pick<DataRequestView, 'destination'>,
  destinations: readonly DestinationView[],
): DestinationView | undefined {
  return r.destination === null ? undefined : destinations.find((d) => d.name === r.destination);
}

/**
 * Whether the confirmation must ask for the password: none is stored for the request's destination,
 * or the last attempt was refused for want of one. A request without a destination needs none.
 */
export function passwordNeeded(
  r: Pick<DataRequestView, 'destination'>,
  destinations: readonly DestinationView[],
  lastError: AppError | null = null,
): boolean {
  if (lastError && PASSWORD_CODES.has(lastError.code)) return true;
  const d = destinationOf(r, destinations);
  return d !== undefined && !d.passwordStored && !d.passwordForSession;
}

const PASSWORD_CODES = new Set(['NO_PASSWORD', 'BAD_CREDENTIALS', 'VAULT_UNAVAILABLE']);

/** A refresh asks for a password only when main said none is stored. */
export const syncNeedsPassword = (error: AppError): boolean => error.code === 'NO_PASSWORD';

export interface SyncOutcome {
  added: number;
  updated: number;
  destinations: string[];
  problems: string[];
}

/** What Refresh found, in a sentence, with one line per destination that could not be asked. */
export function syncSummary(o: SyncOutcome): {
  intent: 'success' | 'warning' | 'info';
  text: string;
  problems: string[];
} {
  const problems = o.problems;
  if (o.destinations.length === 0) {
    return {
      intent: problems.length ? 'warning' : 'info',
      text: problems.length
        ? 'No data portal could be asked for its requests.'
        : 'No destination is a data portal, so there was nothing to ask. Add the portal in Settings, or add requests here yourself.',
      problems,
    };
  }
  const asked = o.destinations.join(', ');
  const changes =
    o.added === 0 && o.updated === 0
      ? 'no new or changed requests'
      : `${plural(o.added, 'new request')}, ${plural(o.updated, 'request')} updated`;
  return {
    intent: problems.length ? 'warning' : 'success',
    text: `Asked ${asked}: ${changes}. The statuses below are up to date.`,
    problems,
  };
}

/** The nil return's confirmation, naming the template and the period. */
export function nilReturnQuestion(r: Pick<DataRequestView, 'template' | 'period'>): string {
  return `Record that there is no data to submit for ${r.template}, ${r.period}?`;
}

export function nilReturnExplanation(r: Pick<DataRequestView, 'destination'>): string {
  const where = r.destination
    ? `ReturnDesk tells ${r.destination} that you have no data to submit for this request.`
    : 'The request has no destination, so the nil return is recorded in ReturnDesk only: record it on the portal’s own website too.';
  return `${where} It then shows as "No data submitted" on the Previous tab, and no file can be uploaded for it.`;
}
