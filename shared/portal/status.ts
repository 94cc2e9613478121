// The status a data request shows on the portal dashboard, in the portal's own words, counted in
// calendar days in England (a request due "today" is due on the Europe/London date, whatever the
// computer's zone and across clock changes). "1 day", never "1 days".
import type { CalendarDate } from '../amd/model';
import { calendarDateIn } from '../dates';
import { daysBetween, plural } from '../history/wording';

/** What has happened to the request so far. */
export type Submission =
  | { state: 'none' }
  | { state: 'pending' }
  | { state: 'failed'; message: string }
  | { state: 'accepted' }
  | { state: 'nil' };

export interface DataRequestDates {
  /** The day the collection opens for uploads (the due date when none was given). */
  opens: CalendarDate;
  /** The day the data is due. */
  due: CalendarDate;
}

export interface RequestStatus {
  text: string;
  /** Accepted and nil returns move to Previous; everything else stays on Current. */
  tab: 'current' | 'previous';
  tone: 'neutral' | 'warning' | 'danger' | 'success';
  /** Whether the Upload button is offered: only while the collection is open. */
  canUpload: boolean;
  /** Details to show beside a failure (the portal's message). */
  detail: string | null;
}

export function requestStatus(
  request: DataRequestDates,
  submission: Submission,
  today: CalendarDate,
): RequestStatus {
  const open = daysBetween(request.opens, today) >= 0;
  const toDue = daysBetween(today, request.due);
  switch (submission.state) {
    case 'accepted':
      return { text: 'Accepted', tab: 'previous', tone: 'success', canUpload: false, detail: null };
    case 'nil':
      return {
        text: 'No data submitted',
        tab: 'previous',
        tone: 'success',
        canUpload: false,
        detail: null,
      };
    case 'pending':
      return {
        text: 'Upload pending verification',
        tab: 'current',
        tone: 'neutral',
        canUpload: false,
        detail: null,
      };
    case 'failed':
      // A failure stays on Current until a corrected file is accepted.
      return {
        text: 'Failed validation',
        tab: 'current',
        tone: 'danger',
        canUpload: open,
        detail: submission.message,
      };
    case 'none':
      if (!open) {
        const days = daysBetween(today, request.opens);
        return {
          text: `Collection open in ${plural(days, 'day')}`,
          tab: 'current',
          tone: 'neutral',
          canUpload: false,
          detail: null,
        };
      }
      if (toDue > 0)
        return {
          text: `Due in ${plural(toDue, 'day')}`,
          tab: 'current',
          tone: toDue <= 7 ? 'warning' : 'neutral',
          canUpload: true,
          detail: null,
        };
      if (toDue === 0)
        return {
          text: 'Due today',
          tab: 'current',
          tone: 'warning',
          canUpload: true,
          detail: null,
        };
      return {
        text: `Overdue by ${plural(-toDue, 'day')}`,
        tab: 'current',
        tone: 'danger',
        canUpload: true,
        detail: null,
      };
  }
}

/** The status at an instant: the calendar day is the one in England at that instant. */
export function requestStatusAt(
  request: DataRequestDates,
  submission: Submission,
  now: Date,
): RequestStatus {
  return requestStatus(request, submission, calendarDateIn(now));
}
