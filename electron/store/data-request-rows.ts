// How a data request sits in its table, and the date rules every way of adding one shares.
import type { DataRequest, PortalMessage, PortalRequestStatus } from '../../shared/portal/request';
import { isIsoDate } from '../../shared/domain';
import { StoreError } from './errors';

export interface Row {
  id: number;
  destination_id: number | null;
  destination: string | null;
  portal_id: string | null;
  period: string;
  template: string;
  opens: string;
  due: string;
  portal_status: PortalRequestStatus | null;
  portal_messages: string;
  portal_file_name: string | null;
  synced_at: string | null;
  nil_return_at: string | null;
  nil_return_by: string | null;
  created_at: string;
}

export const SELECT =
  'SELECT r.*, d.name AS destination FROM data_requests r LEFT JOIN destinations d ON d.id = r.destination_id';

export const toRequest = (r: Row): DataRequest => ({
  id: r.id,
  destinationId: r.destination_id,
  destination: r.destination,
  portalId: r.portal_id,
  period: r.period,
  template: r.template,
  opens: r.opens,
  due: r.due,
  portal:
    r.portal_status && r.synced_at
      ? {
          status: r.portal_status,
          messages: JSON.parse(r.portal_messages) as PortalMessage[],
          fileName: r.portal_file_name,
          syncedAt: r.synced_at,
        }
      : null,
  nilReturn:
    r.nil_return_at && r.nil_return_by ? { at: r.nil_return_at, by: r.nil_return_by } : null,
  createdAt: r.created_at,
});

/**
 * The day a request's collection opens: the one given, or else its due date. Ofqual's guide shows
 * no opening dates, only due dates, and its first table reproduces this: on 22 Mar 2019 the
 * requests due 28 Mar, 3 Apr and 5 Apr read "Collection open in 6, 12 and 14 days", exactly the
 * days to each due date. Kept as that date (not as "none"), so every status, list and order reads
 * one column; a request added with the due date as its opening date is the same request.
 */
export function collectionOpens(input: { opens?: string | null; due: string }): string {
  return input.opens ?? input.due;
}

/** Refuses impossible dates and a due date before the opening date, naming the request. */
export function checkRequestDates(input: { opens: string; due: string; template: string }): void {
  for (const [what, value] of [
    ['opening', input.opens],
    ['due', input.due],
  ] as const) {
    if (!isIsoDate(value))
      throw new StoreError(
        'INVALID_INPUT',
        `The ${what} date '${value}' of ${input.template} is not a real date; write it as YYYY-MM-DD.`,
      );
  }
  if (input.due < input.opens)
    throw new StoreError(
      'INVALID_INPUT',
      `${input.template} is due on ${input.due}, before its collection opens on ${input.opens}; check the dates.`,
    );
}
