import { describe, expect, it } from 'vitest';
import type { DashboardItem, DestinationCheck } from '../../../shared/ipc/views';
import {
  EMPTY_TEXT,
  badgeColor,
  itemsOn,
  refreshOutcome,
  tabLabel,
} from '../../../renderer/screens/dashboard/dashboard-model';
import { stepHeading } from '../../../renderer/screens/first-run/steps';
import { shouldOfferNotifications, verificationMessage } from '../../../renderer/app/verification';
import { readableError } from '../../../renderer/app/errors';
import { Drafts } from '../../../renderer/app/drafts';

const item = (over: Partial<DashboardItem>): DashboardItem => ({
  kind: 'upload-pending',
  tab: 'current',
  title: 'chg012345A01.amd',
  detail: 'Sent',
  status: 'Upload pending verification',
  due: null,
  link: '#/uploads',
  tone: 'neutral',
  ...over,
});

describe('the dashboard', () => {
  it('splits rows between Current and Previous, keeping main’s order', () => {
    const items = [
      item({ title: 'a', tone: 'danger' }),
      item({ title: 'b', tab: 'previous', tone: 'success', status: 'Accepted' }),
      item({ title: 'c' }),
    ];
    expect(itemsOn(items, 'current').map((i) => i.title)).toEqual(['a', 'c']);
    expect(itemsOn(items, 'previous').map((i) => i.title)).toEqual(['b']);
  });

  it('colours each status by its tone', () => {
    expect(badgeColor('danger')).toBe('danger');
    expect(badgeColor('warning')).toBe('warning');
    expect(badgeColor('success')).toBe('success');
    expect(badgeColor('neutral')).toBe('informative');
  });

  it('counts the rows on each tab', () => {
    expect(tabLabel('current', 3)).toBe('Current (3)');
    expect(tabLabel('previous', 0)).toBe('Previous (0)');
  });

  it('explains an empty tab in plain English', () => {
    expect(EMPTY_TEXT.current.title).toBe('Nothing needs doing now.');
    expect(EMPTY_TEXT.previous.body).toMatch(/accepted/);
  });

  it('says what checking for verification results found, destination by destination as main reports it', () => {
    const check = (o: Partial<DestinationCheck>): DestinationCheck => ({
      destinationId: 1,
      destination: 'HEFCE extranet',
      pending: 2,
      asked: 2,
      results: 0,
      outcome: 'checked',
      needsPassword: false,
      reason: null,
      message: 'Asked HEFCE extranet about 2 uploads pending verification: no results yet.',
      ...o,
    });
    expect(refreshOutcome({ changed: 0, problems: [], pending: 0, destinations: [] })).toEqual({
      intent: 'success',
      lines: ['Nothing is pending verification.'],
    });
    const cannot = check({
      asked: 0,
      outcome: 'cannot-check',
      needsPassword: true,
      reason: 'no password for HEFCE extranet',
      message: 'Cannot check: no password for HEFCE extranet.',
    });
    const blind = refreshOutcome({ changed: 0, problems: [], pending: 2, destinations: [cannot] });
    expect(blind).toEqual({
      intent: 'warning',
      lines: ['Cannot check: no password for HEFCE extranet.'],
    });
    expect(blind.lines.join(' ')).not.toMatch(/still being checked/);
    const news = refreshOutcome({
      changed: 3,
      problems: [],
      pending: 3,
      destinations: [check({ results: 3 })],
    });
    expect(news.intent).toBe('success');
    expect(news.lines[0]).toMatch(/^3 uploads have a new status/);
  });
});

describe('verification results', () => {
  it('say an accepted file was accepted', () => {
    const m = verificationMessage({
      fileName: 'chg012345A01.amd',
      status: 'accepted',
      messages: [],
    });
    expect(m).toMatchObject({ intent: 'success', title: 'chg012345A01.amd was accepted' });
  });

  it('give the receiver’s reasons for a failure, and what to do', () => {
    const m = verificationMessage({
      fileName: 'chg012345A02.amd',
      status: 'failed',
      messages: ['Line 7 says the file has 4 records, but it has 3.'],
    });
    expect(m.intent).toBe('error');
    expect(m.title).toBe('chg012345A02.amd failed validation');
    expect(m.body).toBe(
      'Line 7 says the file has 4 records, but it has 3. Correct the file and upload it again.',
    );
  });

  it('offer desktop notifications only while the user has not decided', () => {
    expect(shouldOfferNotifications('default')).toBe(true);
    expect(shouldOfferNotifications('granted')).toBe(false);
    expect(shouldOfferNotifications('denied')).toBe(false);
    expect(shouldOfferNotifications('unsupported')).toBe(false);
  });
});

describe('the first-run guide', () => {
  it('says which step of three the user is on', () => {
    expect(stepHeading('provider')).toBe('Step 1 of 3: Your provider');
    expect(stepHeading('done')).toBe('Step 3 of 3: Ready');
  });
});

describe('a screen failure', () => {
  it('is described in one readable line, never a stack trace', () => {
    const e = new Error('Cannot read properties of undefined (reading "items")');
    e.stack = `Error: x\n    at DashboardTable (index.js:1:2)`;
    expect(readableError(e)).toBe('Cannot read properties of undefined (reading "items")');
    expect(readableError(new Error('first line\n    at f (a.js:1:1)\nmore'))).toBe('first line');
    expect(readableError('plain')).toBe('plain');
    expect(readableError({})).toBe('No further detail was given.');
    expect(readableError(new Error('x'.repeat(500))).length).toBe(200);
  });

  it('leaves the user’s drafts in place until saved', () => {
    const drafts = new Drafts();
    expect(drafts.get('first-run.provider', { upin: '' })).toEqual({ upin: '' });
    drafts.set('first-run.provider', { upin: '01234' });
    expect(drafts.get('first-run.provider', { upin: '' })).toEqual({ upin: '01234' });
    drafts.clear('first-run.provider');
    expect(drafts.get('first-run.provider', { upin: '' })).toEqual({ upin: '' });
  });
});
