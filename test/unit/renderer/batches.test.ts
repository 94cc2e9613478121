import { describe, expect, it } from 'vitest';
import type { ActionPlan, Batch, StoredAmendmentFile } from '../../../shared/history/types';
import {
  approvedPlans,
  candidates,
  canChangeFiles,
  canSignOff,
  canUpload,
  resentReason,
  signOffWithdrawn,
  uploadHref,
} from '../../../renderer/screens/batches/batch-model';

const batch = (over: Partial<Batch> = {}): Batch => ({
  id: 2,
  upin: '105432',
  year: '2010-11',
  destination: 'FAMD General upload area (GUA)',
  planId: 1,
  status: 'draft',
  signedOffBy: null,
  signedOffAt: null,
  createdAt: '',
  statusChangedAt: '',
  files: [],
  ...over,
});

const file = (name: string, over: Partial<StoredAmendmentFile> = {}): StoredAmendmentFile => ({
  id: 1,
  upin: '105432',
  year: '2010-11',
  name,
  kind: 'CHANGE',
  dataSet: 'A',
  additionType: null,
  seq: 1,
  sha256: 'a'.repeat(64),
  planRowId: 1,
  planId: 1,
  planRef: 1,
  status: 'final',
  records: 3,
  checksumField: 'A05',
  checksum: '4',
  createdAt: '',
  statusChangedAt: '',
  ...over,
});

describe('a batch', () => {
  it('takes files until its upload starts, and is signed off only with files in it', () => {
    expect(canChangeFiles(batch({ status: 'draft' }))).toBe(true);
    expect(canChangeFiles(batch({ status: 'signed_off' }))).toBe(true);
    expect(canChangeFiles(batch({ status: 'uploading' }))).toBe(false);
    expect(canSignOff(batch())).toBe(false);
    const withFile = batch({
      files: [{ position: 1, name: 'x.amd', status: 'final', sha256: '', fromBatchId: null }],
    });
    expect(canSignOff(withFile)).toBe(true);
    expect(canSignOff({ ...withFile, status: 'signed_off' })).toBe(false);
  });

  it('is uploaded once signed off, or resumed after it stopped part-way', () => {
    expect(canUpload(batch({ status: 'signed_off' }))).toBe(true);
    expect(canUpload(batch({ status: 'uploading' }))).toBe(true);
    expect(canUpload(batch({ status: 'draft' }))).toBe(false);
    expect(canUpload(batch({ status: 'uploaded' }))).toBe(false);
    expect(uploadHref(2)).toBe('#/uploads/batch/2');
  });

  it('says a file is sent again, from which batch, and why', () => {
    const again = {
      position: 1,
      name: 'a.amd',
      status: 'submitted' as const,
      sha256: '',
      fromBatchId: 1,
    };
    expect(resentReason(again)).toMatch(/^Re-sent: first sent in batch 1\. HEFCE asks/);
    expect(resentReason({ ...again, fromBatchId: null })).toBeNull();
  });

  it('notices when a change withdrew the sign-off', () => {
    expect(signOffWithdrawn(batch({ status: 'signed_off' }), batch({ status: 'draft' }))).toBe(
      true,
    );
    expect(signOffWithdrawn(batch({ status: 'draft' }), batch({ status: 'draft' }))).toBe(false);
  });
});

describe('files that may join a batch', () => {
  it('are the same provider and year, not in it yet, final ones apart from ones sent before', () => {
    const b = batch({
      files: [{ position: 1, name: 'in.amd', status: 'final', sha256: '', fromBatchId: null }],
    });
    const found = candidates(b, [
      file('in.amd'),
      file('b.amd'),
      file('a.amd'),
      file('sent.amd', { status: 'submitted' }),
      file('ok.amd', { status: 'accepted' }),
      file('draft.amd', { status: 'draft' }),
      file('gone.amd', { status: 'discarded' }),
      file('other-year.amd', { year: '2009-10' }),
      file('other-provider.amd', { upin: '012345' }),
    ]);
    expect(found.fresh.map((f) => f.name)).toEqual(['a.amd', 'b.amd']);
    expect(found.earlier.map((f) => f.name)).toEqual(['ok.amd', 'sent.amd']);
  });
});

describe('plans a batch may answer', () => {
  it('are the provider’s approved plans that have not been revised', () => {
    const p = (id: number, over: Partial<ActionPlan>): ActionPlan =>
      ({ id, upin: '105432', status: 'approved', revisedById: null, ...over }) as ActionPlan;
    const plans = [
      p(1, { revisedById: 2 }),
      p(2, {}),
      p(3, { status: 'draft' }),
      p(4, { upin: '012345' }),
    ];
    expect(approvedPlans(plans, '105432').map((x) => x.id)).toEqual([2]);
  });
});
