import { describe, expect, it } from 'vitest';
import type { ActionPlan, StoredAmendmentFile } from '../../../shared/history/types';
import type { ReceiptView } from '../../../shared/ipc/views';
import {
  applyProgress,
  confirmQuestion,
  dueText,
  finishQueue,
  formatTimeLeft,
  fraction,
  interruptQueue,
  itemText,
  messageText,
  newQueue,
  submissionFacts,
  touchedReceipts,
} from '../../../renderer/screens/uploads/upload-model';
import {
  adviceFor,
  adviceForAll,
  failureTitle,
  needsPassword,
} from '../../../renderer/screens/uploads/upload-advice';
import {
  BROWSER_MODE_MAX_BYTES,
  areaMismatch,
  areaOfBatch,
  chooserProblem,
  preferredDestination,
} from '../../../renderer/screens/uploads/chooser-model';

const receipt = (over: Partial<ReceiptView> = {}): ReceiptView => ({
  id: 1,
  file: 'chg105432A01.amd',
  destination: 'HEFCE extranet',
  area: 'FAMD General upload area (GUA)',
  batchId: null,
  bytes: 1000,
  sha256: 'a'.repeat(64),
  serverSha256: 'a'.repeat(64),
  uploadId: 'u1',
  status: 'pending-verification',
  messages: [],
  user: 'demo',
  userIsPerson: true,
  auditHead: null,
  startedAt: '2026-11-23T10:00:00Z',
  receivedAt: '2026-11-23T10:00:05Z',
  ...over,
});

const progress = (fileName: string, sent: number, total = 1000) => ({
  fileName,
  sent,
  total,
  rate: 2048,
  secondsLeft: (total - sent) / 2048,
});

describe('the upload confirmation', () => {
  it('asks the Ofqual portal’s question, naming what is sent', () => {
    expect(confirmQuestion({ kind: 'stored', names: ['chg105432A01.amd'] })).toBe(
      'Are you sure you want to upload “chg105432A01.amd” for this submission?',
    );
    expect(confirmQuestion({ kind: 'batch', batchId: 3, names: ['a', 'b'] })).toBe(
      'Are you sure you want to upload batch 3 (2 files) for this submission?',
    );
    expect(
      confirmQuestion({
        kind: 'disk',
        files: [
          { fileName: 'a', base64: '', sha256: '' },
          { fileName: 'b', base64: '', sha256: '' },
          { fileName: 'c', base64: '', sha256: '' },
        ],
      }),
    ).toBe('Are you sure you want to upload these 3 files for this submission?');
  });

  const plan = {
    id: 2,
    year: '2010-11',
    rows: [
      { ref: 1, due: '2026-11-30' },
      { ref: 2, due: '2026-11-24' },
      { ref: 3, due: '2026-11-24' },
    ],
  } as ActionPlan;
  const stored = (name: string, planRef: number, sha256 = 'a'.repeat(64)) =>
    ({ name, planId: 2, planRef, sha256, status: 'final', year: '2010-11' }) as StoredAmendmentFile;

  it('names the plan and the earliest due date of the rows the files answer', () => {
    const files = [stored('x.amd', 1), stored('y.amd', 2), stored('z.amd', 3)];
    const facts = submissionFacts({ kind: 'stored', names: ['x.amd', 'y.amd', 'z.amd'] }, files, [
      plan,
    ]);
    expect(facts.plan?.id).toBe(2);
    expect(facts.year).toBe('2010-11');
    expect(facts.due).toEqual({ date: '2026-11-24', refs: [2, 3] });
    expect(dueText(facts.due)).toBe('24/11/2026 (rows 2, 3 of the plan)');
    expect(dueText({ date: '2026-11-30', refs: [1] })).toBe('30/11/2026 (row 1 of the plan)');
  });

  it('uses the batch’s plan, and knows nothing about a file the history does not have', () => {
    const batchFacts = submissionFacts({ kind: 'batch', batchId: 1, names: [] }, [], [plan], 2);
    expect(batchFacts).toEqual({ year: '2010-11', plan, due: null });
    const unknown = submissionFacts({ kind: 'stored', names: ['q.amd'] }, [], [plan]);
    expect(unknown).toEqual({ year: null, plan: null, due: null });
    expect(dueText(null)).toBe('Not known');
  });

  it('recognises a file from disk only when its bytes are the history’s', () => {
    const files = [stored('x.amd', 1, 'b'.repeat(64))];
    const same = { fileName: 'x.amd', base64: '', sha256: 'b'.repeat(64) };
    const edited = { ...same, sha256: 'c'.repeat(64) };
    expect(submissionFacts({ kind: 'disk', files: [same] }, files, [plan]).plan?.id).toBe(2);
    expect(submissionFacts({ kind: 'disk', files: [edited] }, files, [plan]).plan).toBeNull();
  });
});

describe('the upload queue', () => {
  it('moves one file at a time: progress for the next means the last is sent', () => {
    let q = newQueue(['a.amd', 'b.amd']);
    q = applyProgress(q, progress('a.amd', 500));
    expect(q.map((i) => i.state)).toEqual(['sending', 'waiting']);
    expect(fraction(q[0]!)).toBe(0.5);
    expect(itemText(q[0]!)).toBe('500 bytes of 1000 bytes sent, 2.0 KB/s, less than a second left');
    q = applyProgress(q, progress('b.amd', 100));
    expect(q.map((i) => i.state)).toEqual(['sent', 'sending']);
    expect(applyProgress(q, progress('other.amd', 1))).toBe(q);
  });

  it('takes each file’s receipt at the end; a file without one was sent before', () => {
    const q = finishQueue(newQueue(['a.amd', 'b.amd']), [receipt({ file: 'b.amd', bytes: 42 })]);
    expect(q.map((i) => i.state)).toEqual(['skipped', 'sent']);
    expect(itemText(q[0]!)).toBe('Already sent in an earlier attempt');
    expect(itemText(q[1]!)).toBe('Sent: 42 bytes.');
    expect(fraction(q[0]!)).toBe(1);
  });

  it('after a stop, believes the history over late progress events', () => {
    // The first file's last progress event did not arrive before the user pressed Stop.
    let q = applyProgress(newQueue(['big.bin', 'a.amd']), progress('big.bin', 900));
    const before = [receipt({ id: 7, status: 'accepted' })];
    const after = [
      receipt({ id: 9, file: 'a.amd', status: 'transferring', receivedAt: null }),
      receipt({ id: 8, file: 'big.bin', bytes: 1000 }),
      receipt({ id: 7, status: 'accepted' }),
    ];
    const touched = touchedReceipts(before, after);
    expect(touched.map((r) => r.id)).toEqual([9, 8]);
    q = interruptQueue(q, true, touched);
    expect(q.map((i) => i.state)).toEqual(['sent', 'stopped']);
    expect(q[0]?.sent).toBe(1000);
  });

  it('marks the file in flight failed when the run failed without a stop', () => {
    const q = applyProgress(newQueue(['a.amd', 'b.amd']), progress('a.amd', 10));
    expect(interruptQueue(q, false).map((i) => i.state)).toEqual(['failed', 'waiting']);
    expect(interruptQueue(q, true).map((i) => i.state)).toEqual(['stopped', 'waiting']);
    expect(itemText(interruptQueue(q, true)[0]!)).toBe(
      'Stopped at 10 bytes of 1000 bytes. Retry continues from there.',
    );
  });

  it('says the time left as a person would', () => {
    expect(formatTimeLeft(null)).toBe('working out the time left');
    expect(formatTimeLeft(0.4)).toBe('less than a second left');
    expect(formatTimeLeft(1)).toBe('about 1 second left');
    expect(formatTimeLeft(42.4)).toBe('about 42 seconds left');
    expect(formatTimeLeft(150)).toBe('about 3 minutes left');
    expect(formatTimeLeft(3600)).toBe('about 1 hour left');
    expect(formatTimeLeft(7500)).toBe('about 2 hours 5 minutes left');
  });
});

describe('failures', () => {
  it('say what to do next for each of the receiver’s codes', () => {
    expect(adviceFor('RECORD_COUNT')).toMatch(/rebuild it/);
    expect(adviceFor('INTEGRITY')).toMatch(/Upload the file again/);
    expect(adviceFor('NETWORK')).toMatch(/Retry/);
    expect(adviceFor('SOMETHING_NEW')).toMatch(/^Check the message above/);
    expect(failureTitle('INTEGRITY')).toBe('The copy the server received was damaged');
    expect(failureTitle('SOMETHING_NEW')).toBe('The upload did not finish');
  });

  it('give each piece of advice once', () => {
    expect(adviceForAll(['CHECKSUM', 'CHECKSUM', 'RECORD_COUNT'])).toHaveLength(2);
  });

  it('ask for the password again only when it was the problem', () => {
    expect(needsPassword('BAD_CREDENTIALS')).toBe(true);
    expect(needsPassword('NO_PASSWORD')).toBe(true);
    expect(needsPassword('NETWORK')).toBe(false);
  });

  it('name the line once', () => {
    expect(messageText({ code: 'HEADER', message: 'Line 7 says 4', line: 7 })).toBe(
      'Line 7 says 4',
    );
    expect(messageText({ code: 'CHECKSUM', message: 'Not a number', line: 14 })).toBe(
      'Line 14: Not a number',
    );
    expect(messageText({ code: 'EMPTY', message: 'The file is empty.', line: null })).toBe(
      'The file is empty.',
    );
  });
});

describe('choosing what to upload', () => {
  const destination = {
    id: 1,
    name: 'HEFCE extranet',
    url: 'https://x',
    area: 'FAMD General upload area (GUA)',
    username: 'demo',
    areas: [
      { name: 'FAMD General upload area (GUA)', groupKeyStored: true, groupKeyForSession: false },
    ],
    ca: false,
    createdAt: '2026-11-01T09:00:00Z',
    passwordStored: true,
    groupKeyStored: true,
    passwordForSession: false,
    groupKeyForSession: false,
  };
  const ctx = {
    destination,
    batch: undefined,
    finals: [],
    diskCount: 0,
    diskBytes: 0,
    mode: 'electron' as const,
  };
  const values = { destinationId: '1', mode: 'disk' as const, batchId: '', names: [] };

  it('needs a destination and something to send', () => {
    expect(chooserProblem(values, { ...ctx, destination: undefined })).toBe(
      'Choose where to upload.',
    );
    expect(chooserProblem(values, ctx)).toMatch(/at least one file/);
    expect(chooserProblem({ ...values, mode: 'stored', names: ['gone.amd'] }, ctx)).toMatch(
      /at least one final file/,
    );
    expect(chooserProblem({ ...values, mode: 'batch' }, ctx)).toBe('Choose a signed-off batch.');
    expect(chooserProblem(values, { ...ctx, diskCount: 1, diskBytes: 10 })).toBeNull();
  });

  it('warns in browser mode before a request too large for the local server', () => {
    const big = { ...ctx, diskCount: 1, diskBytes: BROWSER_MODE_MAX_BYTES + 1 };
    expect(chooserProblem(values, { ...big, mode: 'browser' })).toMatch(/at most 24 MB/);
    expect(chooserProblem(values, big)).toBeNull();
  });

  it('says when a batch is for another area than the destination’s', () => {
    const batch = { id: 4, destination: 'ILR amendment upload area' } as Parameters<
      typeof areaMismatch
    >[0];
    expect(areaMismatch(batch, destination)).toMatch(/^Batch 4 is for ‘ILR amendment upload area’/);
    expect(
      areaMismatch({ ...batch!, destination: ' famd general upload area (gua) ' }, destination),
    ).toBeNull();
  });

  it('sends a batch to the area it names among a destination’s several', () => {
    const batch = { id: 4, destination: 'ILR amendment upload area' } as Parameters<
      typeof areaMismatch
    >[0];
    const both = {
      ...destination,
      areas: [
        ...destination.areas,
        { name: 'ILR amendment upload area', groupKeyStored: false, groupKeyForSession: false },
      ],
    };
    expect(areaMismatch(batch, both)).toBeNull();
    expect(areaOfBatch(batch!, both)).toBe('ILR amendment upload area');
    expect(areaOfBatch({ destination: 'Ofqual Data Portal' }, both)).toBeUndefined();
  });

  it('starts with a destination for the batch’s area, one with a stored password if any', () => {
    const ilr = {
      ...destination,
      id: 2,
      area: 'ILR amendment upload area',
      areas: [
        { name: 'ILR amendment upload area', groupKeyStored: true, groupKeyForSession: false },
      ],
    };
    const askEachTime = { ...destination, id: 3, passwordStored: false };
    const all = [askEachTime, ilr, destination];
    expect(preferredDestination(all, 'FAMD General upload area (GUA)')?.id).toBe(1);
    expect(preferredDestination(all, 'ILR amendment upload area')?.id).toBe(2);
    expect(preferredDestination([askEachTime], undefined)?.id).toBe(3);
    expect(preferredDestination([], undefined)).toBeUndefined();
  });
});
