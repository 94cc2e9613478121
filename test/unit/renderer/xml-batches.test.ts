import { describe, expect, it } from 'vitest';
import type { Batch, XmlBatchContents, XmlBatchFile } from '../../../shared/history/types';
import {
  batchFileNames,
  canSignOff,
  fileCount,
} from '../../../renderer/screens/batches/batch-model';
import {
  carriedLabel,
  missingProblem,
  overrideText,
  proposedText,
  uncovered,
} from '../../../renderer/screens/batches/xml-batch-model';
import { chooserProblem } from '../../../renderer/screens/uploads/chooser-model';

const A1 = 'ILR-A-10001234-1112-0013-01.XML';
const A2 = 'ILR-A-10001234-1112-0013-02.XML';
const A3 = 'ILR-A-10001234-1112-0013-03.XML';

const entry = (name: string, over: Partial<XmlBatchFile> = {}): XmlBatchFile => ({
  position: 1,
  name,
  status: 'final',
  sha256: '',
  transmissionType: 'A',
  serialNo: '01',
  learners: 3,
  deliveries: 6,
  carriedOver: false,
  fromBatchId: null,
  ...over,
});

const batch = (xml: Partial<XmlBatchContents> = {}, over: Partial<Batch> = {}): Batch => ({
  id: 2,
  upin: '012345',
  year: '2011-12',
  destination: 'ILR amendment upload area',
  planId: 1,
  status: 'signed_off',
  signedOffBy: 'Jo Bloggs',
  signedOffAt: '',
  createdAt: '',
  statusChangedAt: '',
  files: [],
  xml: { files: [], missing: [], override: null, complete: true, uploadable: true, ...xml },
  ...over,
});

describe('a 2011-12 batch of XML files on the batch and upload screens', () => {
  it('counts its XML files, although Batch.files stays empty, for the list, sign-off and upload', () => {
    const b = batch({ files: [entry(A1), entry(A2, { position: 2 })] }, { status: 'draft' });
    expect(fileCount(b)).toBe(2);
    expect(batchFileNames(b)).toEqual([A1, A2]);
    expect(canSignOff(b)).toBe(true);
    expect(canSignOff(batch({}, { status: 'draft' }))).toBe(false);
  });

  it('says whether a file is new in this batch or carried over, and from which batch', () => {
    expect(carriedLabel(entry(A1))).toBe('New in this batch');
    expect(carriedLabel(entry(A1, { carriedOver: true, fromBatchId: 1 }))).toBe(
      'Carried over from batch 1',
    );
    expect(carriedLabel(entry(A1, { carriedOver: true }))).toBe(
      'Carried over: sent before on its own',
    );
  });

  it('refuses the upload of a batch that leaves out an earlier file, naming it and its batch', () => {
    const b = batch({
      files: [entry(A2)],
      missing: [{ name: A1, status: 'accepted', fromBatchId: 1 }],
      complete: false,
      uploadable: false,
    });
    const problem = missingProblem(b);
    expect(problem).toContain(
      `Batch 2 leaves out 1 earlier submitted file: ${A1} (sent in batch 1)`,
    );
    expect(problem).toContain('override with a reason');
    const destination = { id: 1, name: 'X', area: 'ILR amendment upload area' } as never;
    const values = { destinationId: '1', mode: 'batch' as const, batchId: '2', names: [] };
    const context = {
      destination,
      finals: [],
      diskCount: 0,
      diskBytes: 0,
      mode: 'browser' as const,
    };
    expect(chooserProblem(values, { ...context, batch: b })).toBe(problem);
    expect(chooserProblem(values, { ...context, batch: batch({ files: [entry(A2)] }) })).toBeNull();
    expect(chooserProblem(values, { ...context, batch: batch() })).toBe('Batch 2 has no files.');
  });

  it('lets an override cover the files it named, and no file left out after it', () => {
    const override = {
      reason: 'HEFCE said so',
      by: 'jo',
      at: '2012-04-01T10:00:00Z',
      missing: [A1],
    };
    const covered = batch({
      missing: [{ name: A1, status: 'accepted', fromBatchId: 1 }],
      override,
      complete: false,
      uploadable: true,
    });
    expect(uncovered(covered)).toEqual([]);
    expect(missingProblem(covered)).toBeNull();
    const later = batch({
      missing: [
        { name: A1, status: 'accepted', fromBatchId: 1 },
        { name: A3, status: 'submitted', fromBatchId: null },
      ],
      override,
      complete: false,
      uploadable: false,
    });
    expect(uncovered(later).map((m) => m.name)).toEqual([A3]);
    expect(missingProblem(later)).toContain(`${A3} (sent)`);
    expect(missingProblem(later)).not.toContain(`${A1} (`);
    expect(overrideText(override)).toMatch(/^Overridden by jo on .+: “HEFCE said so”\. Left out: /);
  });

  it('says on creation which earlier files were proposed, or that there were none', () => {
    const proposed = batch({
      files: [entry(A1, { carriedOver: true, fromBatchId: 1 }), entry(A2, { carriedOver: true })],
    });
    expect(proposedText(proposed)).toContain('starts with the 2 XML files already submitted');
    expect(proposedText(proposed)).toContain(`${A1} (carried over from batch 1)`);
    expect(proposedText(batch())).toContain('nothing to carry over');
  });

  it('leaves .amd batches to their own rules', () => {
    const amd = batch({}, { year: '2010-11', xml: undefined });
    expect(missingProblem(amd)).toBeNull();
    expect(fileCount(amd)).toBe(0);
  });
});
