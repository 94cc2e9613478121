import { describe, expect, it } from 'vitest';
import { requestStatus, requestStatusAt } from '../../../shared/portal/status';
import type { Submission } from '../../../shared/portal/status';

const d = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const none: Submission = { state: 'none' };

describe('data request status wording', () => {
  it.each([
    // The guide's own example: a collection opening six days ahead.
    ['2019-03-22', '2019-03-28', '2019-04-30', 'Collection open in 6 days'],
    ['2019-03-27', '2019-03-28', '2019-04-30', 'Collection open in 1 day'],
    ['2019-03-28', '2019-03-28', '2019-04-30', 'Due in 33 days'],
    ['2019-04-29', '2019-03-28', '2019-04-30', 'Due in 1 day'],
    ['2019-04-30', '2019-03-28', '2019-04-30', 'Due today'],
    ['2019-05-01', '2019-03-28', '2019-04-30', 'Overdue by 1 day'],
    // The guide's other example: grade boundaries due 6 August 2019, seen 56 days later.
    ['2019-10-01', '2019-07-01', '2019-08-06', 'Overdue by 56 days'],
  ])('on %s, opening %s and due %s, says "%s"', (today, opens, due, text) => {
    expect(requestStatus({ opens: d(opens), due: d(due) }, none, d(today)).text).toBe(text);
  });

  it("reproduces the guide's first table when each collection opens on its due date", () => {
    const table = ['2019-03-28', '2019-04-03', '2019-04-05'].map((due) =>
      requestStatus({ opens: d(due), due: d(due) }, none, d('2019-03-22')),
    );
    expect(table.map((s) => [s.text, s.canUpload])).toEqual([
      ['Collection open in 6 days', false],
      ['Collection open in 12 days', false],
      ['Collection open in 14 days', false],
    ]);
    const onDue = requestStatus(
      { opens: d('2019-03-28'), due: d('2019-03-28') },
      none,
      d('2019-03-28'),
    );
    expect([onDue.text, onDue.canUpload]).toEqual(['Due today', true]);
  });

  it('offers Upload only while the collection is open', () => {
    const r = { opens: d('2019-03-28'), due: d('2019-04-30') };
    expect(requestStatus(r, none, d('2019-03-27')).canUpload).toBe(false);
    expect(requestStatus(r, none, d('2019-03-28')).canUpload).toBe(true);
    expect(requestStatus(r, none, d('2019-05-20')).canUpload).toBe(true);
  });

  it('keeps a pending upload and a failure on Current, with the portal message for the failure', () => {
    const r = { opens: d('2019-03-28'), due: d('2019-04-30') };
    expect(requestStatus(r, { state: 'pending' }, d('2019-05-20'))).toMatchObject({
      text: 'Upload pending verification',
      tab: 'current',
    });
    const failed = requestStatus(
      r,
      { state: 'failed', message: 'Column 3 (QAN) is empty on row 12.' },
      d('2019-04-01'),
    );
    expect(failed).toMatchObject({
      text: 'Failed validation',
      tab: 'current',
      tone: 'danger',
      detail: 'Column 3 (QAN) is empty on row 12.',
    });
  });

  it('moves accepted data and nil returns to Previous', () => {
    const r = { opens: d('2019-03-28'), due: d('2019-04-30') };
    expect(requestStatus(r, { state: 'accepted' }, d('2019-04-01'))).toMatchObject({
      text: 'Accepted',
      tab: 'previous',
    });
    expect(requestStatus(r, { state: 'nil' }, d('2019-04-01'))).toMatchObject({
      text: 'No data submitted',
      tab: 'previous',
    });
  });

  it('counts calendar days in England across the clock changes, whatever the instant', () => {
    const r = { opens: d('2019-01-01'), due: d('2019-03-31') };
    // 31 March 2019, 00:30 GMT (clocks went forward at 01:00 GMT): already the due day in England.
    expect(requestStatusAt(r, none, new Date('2019-03-31T00:30:00Z')).text).toBe('Due today');
    // 30 March, 23:30 UTC is still 30 March in England (GMT): one day to go.
    expect(requestStatusAt(r, none, new Date('2019-03-30T23:30:00Z')).text).toBe('Due in 1 day');
    const autumn = { opens: d('2019-01-01'), due: d('2019-10-27') };
    // 26 October 2019, 23:30 UTC is 00:30 BST on 27 October in England: due today.
    expect(requestStatusAt(autumn, none, new Date('2019-10-26T23:30:00Z')).text).toBe('Due today');
    // 27 October, 23:30 UTC is 23:30 GMT, still 27 October; a minute past midnight it is overdue.
    expect(requestStatusAt(autumn, none, new Date('2019-10-27T23:30:00Z')).text).toBe('Due today');
    expect(requestStatusAt(autumn, none, new Date('2019-10-28T00:01:00Z')).text).toBe(
      'Overdue by 1 day',
    );
  });
});
