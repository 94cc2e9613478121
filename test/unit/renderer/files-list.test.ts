import { describe, expect, it } from 'vitest';
import type { StoredAmendmentFile } from '../../../shared/history/types';
import type { FileReport, Finding } from '../../../shared/amd';
import type { ReceiptView } from '../../../shared/ipc/views';
import { fileHref, filesView, newFileHref } from '../../../renderer/screens/files/files-route';
import {
  canDiscard,
  computedFromFacts,
  discardOutcome,
  hashCheck,
  planRowLabel,
  receiptCounts,
  seqLabel,
  shortHash,
  visibleFiles,
} from '../../../renderer/screens/files/list/file-list-model';
import {
  lineMarks,
  summaryLine,
  verdict,
  versionsLine,
  whereLabel,
} from '../../../renderer/screens/files/report/report-model';
import { reportFileName } from '../../../renderer/screens/files/file-bytes';
import { base64ToBytes } from '../../../renderer/app/bytes';

const file = (over: Partial<StoredAmendmentFile>): StoredAmendmentFile => ({
  id: 1,
  upin: '105432',
  year: '2010-11',
  name: 'chg105432A01.amd',
  kind: 'CHANGE',
  dataSet: 'A',
  additionType: null,
  seq: 1,
  sha256: 'a'.repeat(64),
  planRowId: 1,
  planId: 1,
  planRef: 2,
  status: 'final',
  records: 3,
  checksumField: 'A05',
  checksum: '4',
  createdAt: '2011-03-14T10:00:00Z',
  statusChangedAt: '2011-03-14T10:00:00Z',
  ...over,
});

describe('the Amendment files addresses', () => {
  it('read the list, the wizard with a preselected row, and a file by name', () => {
    expect(filesView([])).toEqual({ view: 'list' });
    expect(filesView(['new'])).toEqual({ view: 'new', planId: null, ref: null });
    expect(filesView(['new?plan=3&ref=2'])).toEqual({ view: 'new', planId: 3, ref: 2 });
    expect(filesView(['new?plan=x&ref=-1'])).toEqual({ view: 'new', planId: null, ref: null });
    expect(filesView(['chg105432A01.amd'])).toEqual({ view: 'file', name: 'chg105432A01.amd' });
    expect(filesView(['%E0%A4%A'])).toEqual({ view: 'file', name: '%E0%A4%A' });
  });

  it('are written so they read back the same', () => {
    expect(newFileHref(3, 2)).toBe('#/files/new?plan=3&ref=2');
    expect(newFileHref()).toBe('#/files/new');
    expect(filesView([fileHref('a b.amd').slice('#/files/'.length)])).toEqual({
      view: 'file',
      name: 'a b.amd',
    });
  });
});

describe('the list of files', () => {
  it('offers discarding only for files never sent', () => {
    expect(canDiscard(file({ status: 'final' }))).toBe(true);
    expect(canDiscard(file({ status: 'draft' }))).toBe(true);
    for (const status of ['submitted', 'accepted', 'rejected', 'discarded'] as const) {
      expect(canDiscard(file({ status }))).toBe(false);
    }
  });

  it('shortens hashes, pads NN and names the plan row', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab…');
    expect(seqLabel(file({ seq: 3 }))).toBe('03');
    expect(seqLabel(file({ seq: null }))).toBe('–');
    expect(planRowLabel(file({}))).toBe('Plan 1, row 2');
    expect(planRowLabel(file({ planId: null, planRef: null }))).toBe('No plan row');
  });

  it('counts receipts of the same name and content only', () => {
    const r = (file: string, sha256: string) => ({ file, sha256 }) as ReceiptView;
    const count = receiptCounts([
      r('chg105432A01.amd', 'a'.repeat(64)),
      r('chg105432A01.amd', 'a'.repeat(64)),
      r('chg105432A01.amd', 'b'.repeat(64)),
    ]);
    expect(count(file({}))).toBe(2);
    expect(count(file({ name: 'chg105432A02.amd' }))).toBe(0);
  });

  it('shows the newest first, hides discarded files unless asked, and filters', () => {
    const files = [
      file({ id: 1, name: 'chg105432A01.amd' }),
      file({ id: 2, name: 'del105432L01.amd', status: 'discarded' }),
      file({ id: 3, name: 'add105432H101.amd', status: 'accepted' }),
    ];
    expect(visibleFiles(files, '', false).map((f) => f.id)).toEqual([3, 1]);
    expect(visibleFiles(files, '', true).map((f) => f.id)).toEqual([3, 2, 1]);
    expect(visibleFiles(files, 'ACCEPTED', false).map((f) => f.id)).toEqual([3]);
    expect(visibleFiles(files, 'row 2', false)).toHaveLength(2);
  });

  it('says whether discarding released the NN', () => {
    expect(discardOutcome(file({ seq: 3 }), true)).toMatch(/NN 03 was released/);
    expect(discardOutcome(file({ seq: 3 }), false)).toMatch(/NN 03 was not released/);
  });

  it('says whether the server’s hash matches the file', () => {
    const receipt = (serverSha256: string | null) =>
      ({ sha256: 'a'.repeat(64), serverSha256 }) as ReceiptView;
    expect(hashCheck(receipt(null), 'a'.repeat(64))).toMatch(/not given/);
    expect(hashCheck(receipt('a'.repeat(64)), 'a'.repeat(64))).toMatch(/matches/);
    expect(hashCheck(receipt('b'.repeat(64)), 'a'.repeat(64))).toMatch(/differs/);
  });
});

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'AMD_DUPLICATE_KEY',
  severity: 'error',
  line: 14,
  field: null,
  value: null,
  message: 'x',
  ...over,
});

const report = (over: Partial<FileReport>): FileReport => ({
  file: 'chg105432A01.amd',
  valid: true,
  errors: 0,
  warnings: 0,
  records: 3,
  recordsAffected: 0,
  findings: [],
  ruleset: 'amd-2010-11.1',
  catalogue: null,
  header: { fields: [], uniqueFields: [], changedFields: [] },
  ...over,
});

describe('the report', () => {
  it('counts errors, warnings and records affected on top', () => {
    expect(summaryLine(report({ errors: 2, warnings: 1, recordsAffected: 1, records: 1 }))).toBe(
      '2 errors · 1 warning · 1 record affected · 1 record in the file',
    );
  });

  it('gives a verdict a data officer can act on', () => {
    expect(verdict(report({ errors: 1 })).intent).toBe('error');
    expect(verdict(report({ warnings: 1 })).intent).toBe('warning');
    expect(verdict(report({})).text).toBe('Valid: every rule is met.');
  });

  it('says which rules and catalogue were used', () => {
    expect(versionsLine(report({ catalogue: 'ilr-2010-11.1' }))).toBe(
      'Checked with rule set amd-2010-11.1 and ILR catalogue ilr-2010-11.1.',
    );
    expect(versionsLine(report({}))).toMatch(/no ILR year's catalogue/);
  });

  it('marks each line with its worst finding', () => {
    const marks = lineMarks([
      finding({ line: 14, severity: 'warning' }),
      finding({ line: 14, severity: 'error' }),
      finding({ line: 15, severity: 'warning' }),
      finding({ line: null }),
    ]);
    expect([...marks]).toEqual([
      [14, 'error'],
      [15, 'warning'],
    ]);
  });

  it('says where each finding is: the whole file, a header line, or a record', () => {
    expect(whereLabel(finding({ line: null }))).toBe('Whole file');
    expect(whereLabel(finding({ line: 7 }))).toBe('Header line 7');
    expect(whereLabel(finding({ line: 14, field: 'A03' }))).toBe('Line 14 (record 2), A03');
  });

  it('names the exported CSV after the file', () => {
    expect(reportFileName('chg105432A01.amd')).toBe('chg105432A01-findings.csv');
  });

  it('reads main’s base64 back to the exact bytes', () => {
    expect([...base64ToBytes(btoa('\x80\x00A'))]).toEqual([0x80, 0, 65]);
  });
});

describe('a file worked out by comparing two extracts', () => {
  it('names both extracts and their SHA-256 among its facts; other files name none', () => {
    const computedFrom = {
      returned: { name: 'returned.csv', sha256: 'b'.repeat(64) },
      corrected: { name: 'corrected.csv', sha256: 'c'.repeat(64) },
    };
    expect(computedFromFacts(file({ computedFrom }))).toEqual([
      ['Data as returned', `returned.csv, SHA-256 ${'b'.repeat(64)}`],
      ['Corrected data', `corrected.csv, SHA-256 ${'c'.repeat(64)}`],
    ]);
    expect(computedFromFacts(file({}))).toEqual([]);
  });
});
