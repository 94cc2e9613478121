import { describe, expect, it } from 'vitest';
import type { DashboardItem } from '../../../shared/ipc/views';
import {
  dueReminders,
  parseShown,
  remember,
  thresholdFor,
} from '../../../renderer/app/plan-reminders';

const item = (due: string | null, over: Partial<DashboardItem> = {}): DashboardItem => ({
  kind: 'plan-due',
  tab: 'current',
  title: '105432 plan 2, reference 1: CHANGE',
  detail: 'Learning start dates corrected - no file built yet',
  status: 'Due soon',
  due,
  link: '#/plans/2',
  tone: 'warning',
  ...over,
});

describe('plan date reminders', () => {
  it('are due at 7 days and at 1 day, never for dates further off or past', () => {
    expect([9, 8, 7, 5, 2, 1, 0, -1].map(thresholdFor)).toEqual([null, null, 7, 7, 7, 1, 1, null]);
  });

  it('say when the data is due and which row it is', () => {
    const [r] = dueReminders([item('2026-11-30')], '2026-11-23', {});
    expect(r).toMatchObject({
      title: 'Amended data due in 7 days',
      body: '105432 plan 2, reference 1: CHANGE. Learning start dates corrected - no file built yet',
      link: '#/plans/2',
    });
    expect(dueReminders([item('2026-11-24')], '2026-11-23', {})[0]?.title).toBe(
      'Amended data due tomorrow',
    );
    expect(dueReminders([item('2026-11-23')], '2026-11-23', {})[0]?.title).toBe(
      'Amended data due today',
    );
  });

  it('look only at plan rows with a date', () => {
    const items = [item(null), item('2026-11-24', { kind: 'batch-waiting' }), item('2026-12-30')];
    expect(dueReminders(items, '2026-11-23', {})).toEqual([]);
  });

  it('show each row and threshold once, then the 1-day one when it comes', () => {
    const today = '2026-11-25';
    const first = dueReminders([item('2026-11-30')], today, {});
    expect(first).toHaveLength(1);
    const shown = remember({}, first, today);
    expect(dueReminders([item('2026-11-30')], today, shown)).toEqual([]);
    expect(dueReminders([item('2026-11-30')], '2026-11-27', shown)).toEqual([]);
    expect(dueReminders([item('2026-11-30')], '2026-11-29', shown)).toHaveLength(1);
  });

  it('remind again when the row’s date changes', () => {
    const today = '2026-11-25';
    const shown = remember({}, dueReminders([item('2026-11-30')], today, {}), today);
    expect(dueReminders([item('2026-12-01')], today, shown)).toHaveLength(1);
  });

  it('forget what was shown long ago, and survive a damaged store', () => {
    const kept = remember({ old: '2026-01-01', recent: '2026-11-01' }, [], '2026-11-23');
    expect(kept).toEqual({ recent: '2026-11-01' });
    expect(parseShown('not json')).toEqual({});
    expect(parseShown('[1,2]')).toEqual({});
    expect(parseShown('{"a":"2026-11-01","b":3}')).toEqual({ a: '2026-11-01' });
    expect(parseShown(null)).toEqual({});
  });
});
