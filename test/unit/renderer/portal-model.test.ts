import { describe, expect, it } from 'vitest';
import type { DataRequestView } from '../../../shared/ipc/portal';
import type { RequestStatus } from '../../../shared/portal/status';
import type { DestinationView } from '../../../shared/ipc/views';
import { formatPortalDate, ordinal } from '../../../renderer/app/format';
import {
  EMPTY_TAB,
  badgeColor,
  destinationOf,
  failureDetail,
  nilReturnExplanation,
  nilReturnQuestion,
  passwordNeeded,
  requestSource,
  requestsOn,
  rowActions,
  syncNeedsPassword,
  syncSummary,
  tabLabel,
} from '../../../renderer/screens/portal/portal-model';

const DUE_IN_6: RequestStatus = {
  text: 'Due in 6 days',
  tab: 'current',
  tone: 'warning',
  canUpload: true,
  detail: null,
};
const NOT_OPEN: RequestStatus = {
  text: 'Collection open in 12 days',
  tab: 'current',
  tone: 'neutral',
  canUpload: false,
  detail: null,
};
const PENDING: RequestStatus = {
  text: 'Upload pending verification',
  tab: 'current',
  tone: 'neutral',
  canUpload: false,
  detail: null,
};
const FAILED: RequestStatus = {
  text: 'Failed validation',
  tab: 'current',
  tone: 'danger',
  canUpload: true,
  detail: 'Line 1: the header is not the template’s.',
};
const ACCEPTED: RequestStatus = {
  text: 'Accepted',
  tab: 'previous',
  tone: 'success',
  canUpload: false,
  detail: null,
};
const NIL: RequestStatus = { ...ACCEPTED, text: 'No data submitted' };

let nextId = 1;
const request = (over: Partial<DataRequestView> = {}): DataRequestView => ({
  id: nextId++,
  period: 'June 2019',
  template: 'SpecificationCodes',
  opens: '2019-03-20',
  due: '2019-04-03',
  destination: 'Ofqual portal',
  fromPortal: true,
  status: DUE_IN_6,
  latestUpload: null,
  nilReturn: null,
  format: null,
  ...over,
});

const destination = (over: Partial<DestinationView> = {}): DestinationView => ({
  id: 1,
  name: 'Ofqual portal',
  url: 'https://portal.example',
  area: 'Data Portal',
  username: 'jo.bloggs',
  areas: [{ name: 'Data Portal', groupKeyStored: false, groupKeyForSession: false }],
  ca: false,
  createdAt: '2019-03-01T09:00:00Z',
  passwordStored: true,
  groupKeyStored: false,
  passwordForSession: false,
  groupKeyForSession: false,
  ...over,
});

describe('the portal’s due dates', () => {
  it('are written as the Ofqual portal writes them: 3rd Apr 2019', () => {
    expect(formatPortalDate('2019-04-03')).toBe('3rd Apr 2019');
    expect(formatPortalDate('2019-03-28')).toBe('28th Mar 2019');
    expect(formatPortalDate('2018-09-28')).toBe('28th Sep 2018');
    expect(formatPortalDate('2019-08-06')).toBe('6th Aug 2019');
    expect(formatPortalDate('2018-01-26')).toBe('26th Jan 2018');
  });

  it('use st, nd, rd and th as English does, teens included', () => {
    const days = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 30, 31];
    expect(days.map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '24th',
      '30th',
      '31st',
    ]);
    expect(formatPortalDate('2019-12-22')).toBe('22nd Dec 2019');
  });

  it('are blank where there is none and shown as given when not a date', () => {
    expect(formatPortalDate(null)).toBe('');
    expect(formatPortalDate('soon')).toBe('soon');
  });
});

describe('the Current and Previous tabs', () => {
  const list = [
    request({ template: 'T1 Entries', due: '2019-04-05' }),
    request({ template: 'EaRs DR1', period: 'November 2018', due: '2019-03-28' }),
    request({ template: 'Old', due: '2018-09-28', status: ACCEPTED }),
    request({ template: 'SpecificationCodes', due: '2019-04-03', status: FAILED }),
    request({ template: 'Nil', due: '2019-01-26', status: NIL }),
    request({ template: 'Pending', due: '2019-04-03', status: PENDING }),
  ];

  it('keep on Current everything not yet accepted or nil, soonest due first', () => {
    expect(requestsOn(list, 'current').map((r) => `${r.due} ${r.template}`)).toEqual([
      '2019-03-28 EaRs DR1',
      '2019-04-03 Pending',
      '2019-04-03 SpecificationCodes',
      '2019-04-05 T1 Entries',
    ]);
  });

  it('move accepted submissions and nil returns to Previous, the most recent first', () => {
    expect(requestsOn(list, 'previous').map((r) => r.template)).toEqual(['Nil', 'Old']);
  });

  it('do not depend on the order main listed the requests in', () => {
    const reversed = [...list].reverse();
    expect(requestsOn(reversed, 'current')).toEqual(requestsOn(list, 'current'));
    expect(requestsOn(reversed, 'previous')).toEqual(requestsOn(list, 'previous'));
  });

  it('count their rows and explain an empty tab', () => {
    expect(tabLabel('current', 4)).toBe('Current (4)');
    expect(tabLabel('previous', 0)).toBe('Previous (0)');
    expect(EMPTY_TAB.previous.body).toMatch(/nil returns/);
  });

  it('colour each status by main’s tone', () => {
    expect(badgeColor('neutral')).toBe('informative');
    expect(badgeColor('danger')).toBe('danger');
    expect(badgeColor('success')).toBe('success');
  });
});

describe('a row’s buttons', () => {
  it('offer Upload and No data to submit while the collection is open', () => {
    expect(rowActions(request())).toEqual({ upload: true, nilReturn: true });
  });

  it('offer neither before the collection opens, nor while a file is pending verification', () => {
    expect(rowActions(request({ status: NOT_OPEN }))).toEqual({ upload: false, nilReturn: false });
    expect(rowActions(request({ status: PENDING }))).toEqual({ upload: false, nilReturn: false });
  });

  it('offer both again after a failed validation, so a corrected file can be sent', () => {
    expect(rowActions(request({ status: FAILED }))).toEqual({ upload: true, nilReturn: true });
  });

  it('offer nothing on Previous', () => {
    expect(rowActions(request({ status: ACCEPTED }))).toEqual({ upload: false, nilReturn: false });
    expect(rowActions(request({ status: NIL }))).toEqual({ upload: false, nilReturn: false });
  });

  it('never offer a nil return once one is recorded or a file was accepted', () => {
    const nil = request({ nilReturn: { at: '2019-04-01T10:00:00Z', by: 'jo' } });
    expect(rowActions(nil).nilReturn).toBe(false);
    const accepted = request({
      latestUpload: { id: 1, fileName: 'a.csv', status: 'accepted', receivedAt: null },
    });
    expect(rowActions(accepted).nilReturn).toBe(false);
  });
});

describe('a failure', () => {
  it('shows the portal’s message on Current', () => {
    expect(failureDetail(request({ status: FAILED }))).toBe(
      'Line 1: the header is not the template’s.',
    );
  });

  it('shows nothing for other statuses, or once on Previous', () => {
    expect(failureDetail(request())).toBeNull();
    expect(failureDetail(request({ status: { ...ACCEPTED, detail: 'old news' } }))).toBeNull();
  });
});

describe('where a request came from', () => {
  it('names the portal it was synced from, or that it was added here', () => {
    expect(requestSource(request())).toBe('From Ofqual portal');
    expect(requestSource(request({ fromPortal: false }))).toBe('Added here, for Ofqual portal');
    expect(requestSource(request({ fromPortal: false, destination: null }))).toBe(
      'Added here, no destination',
    );
  });

  it('finds the destination by its name', () => {
    const d = destination();
    expect(destinationOf(request(), [d])).toBe(d);
    expect(destinationOf(request({ destination: null }), [d])).toBeUndefined();
  });
});

describe('passwords', () => {
  it('are asked for when none is stored for the request’s destination', () => {
    expect(passwordNeeded(request(), [destination()])).toBe(false);
    expect(passwordNeeded(request(), [destination({ passwordStored: false })])).toBe(true);
  });

  it('are asked for again after the server wanted one or refused it', () => {
    for (const code of ['NO_PASSWORD', 'BAD_CREDENTIALS', 'VAULT_UNAVAILABLE'] as const)
      expect(passwordNeeded(request(), [destination()], { code, message: 'x' })).toBe(true);
    expect(passwordNeeded(request(), [destination()], { code: 'NETWORK', message: 'x' })).toBe(
      false,
    );
  });

  it('are not asked for a request without a destination', () => {
    expect(passwordNeeded(request({ destination: null }), [])).toBe(false);
  });

  it('are asked for on Refresh only when main says none is stored', () => {
    expect(syncNeedsPassword({ code: 'NO_PASSWORD', message: 'x' })).toBe(true);
    expect(syncNeedsPassword({ code: 'BAD_CREDENTIALS', message: 'x' })).toBe(false);
    expect(syncNeedsPassword({ code: 'NETWORK', message: 'x' })).toBe(false);
  });
});

describe('what Refresh found', () => {
  it('says which portals were asked and what changed', () => {
    expect(
      syncSummary({ added: 2, updated: 1, destinations: ['Ofqual portal'], problems: [] }),
    ).toEqual({
      intent: 'success',
      text: 'Asked Ofqual portal: 2 new requests, 1 request updated. The statuses below are up to date.',
      problems: [],
    });
    expect(syncSummary({ added: 0, updated: 0, destinations: ['A', 'B'], problems: [] }).text).toBe(
      'Asked A, B: no new or changed requests. The statuses below are up to date.',
    );
  });

  it('lists each destination that could not be asked, as a warning', () => {
    const s = syncSummary({
      added: 1,
      updated: 0,
      destinations: ['Ofqual portal'],
      problems: ['HEFCE extranet: the connection was refused.'],
    });
    expect(s.intent).toBe('warning');
    expect(s.problems).toEqual(['HEFCE extranet: the connection was refused.']);
  });

  it('says when there is no portal to ask', () => {
    expect(syncSummary({ added: 0, updated: 0, destinations: [], problems: [] })).toMatchObject({
      intent: 'info',
      text: expect.stringMatching(/^No destination is a data portal/) as unknown,
    });
    expect(
      syncSummary({ added: 0, updated: 0, destinations: [], problems: ['P: down'] }).intent,
    ).toBe('warning');
  });
});

describe('the nil return’s confirmation', () => {
  it('names the template and the period', () => {
    expect(nilReturnQuestion(request())).toBe(
      'Record that there is no data to submit for SpecificationCodes, June 2019?',
    );
  });

  it('says where it is recorded and what follows', () => {
    expect(nilReturnExplanation(request())).toMatch(
      /^ReturnDesk tells Ofqual portal .* "No data submitted" on the Previous tab/,
    );
    expect(nilReturnExplanation(request({ destination: null }))).toMatch(
      /recorded in ReturnDesk only/,
    );
  });
});
