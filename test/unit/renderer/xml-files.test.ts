import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../../shared/amd';
import type { Batch, Provider, StoredXmlFile } from '../../../shared/history/types';
import { filesView, xmlFileHref } from '../../../renderer/screens/files/files-route';
import {
  batchesByFile,
  batchesLabel,
  canWithdraw,
  columnLabel,
  lineLabel,
  providersFor,
  ukprnNote,
  splitDropped,
  summaryFacts,
  visibleXmlFiles,
  withdrawOutcome,
  xmlVerdict,
} from '../../../renderer/screens/files/xml/xml-model';

const NAME = 'ILR-A-10001234-1112-0013-01.XML';

const xmlFile = (over: Partial<StoredXmlFile> = {}): StoredXmlFile => ({
  id: 1,
  upin: '012345',
  year: '2011-12',
  name: NAME,
  ukprn: '10001234',
  transmissionType: 'A',
  serialNo: '01',
  sha256: 'a'.repeat(64),
  bytes: 1000,
  learners: 3,
  deliveries: 6,
  preparedOn: '2012-03-14',
  warnings: 0,
  status: 'final',
  withdrawnReason: null,
  createdAt: '',
  statusChangedAt: '',
  ...over,
});

const report = (over: Partial<FileReport> = {}): FileReport => ({
  file: NAME,
  valid: true,
  errors: 0,
  warnings: 0,
  records: 3,
  recordsAffected: 0,
  findings: [],
  ruleset: '1',
  catalogue: null,
  header: {} as FileReport['header'],
  xml: {
    ukprn: '10001234',
    serialNo: '01',
    transmissionType: 'A',
    preparationDate: '2012-03-14',
    learners: 3,
    learningDeliveries: 6,
  },
  ...over,
});

const xmlBatch = (id: number, names: string[]): Batch => ({
  id,
  upin: '012345',
  year: '2011-12',
  destination: 'ILR amendment upload area',
  planId: 1,
  status: 'draft',
  signedOffBy: null,
  signedOffAt: null,
  createdAt: '',
  statusChangedAt: '',
  files: [],
  xml: {
    files: names.map((name, i) => ({
      position: i + 1,
      name,
      status: 'final',
      sha256: '',
      transmissionType: 'A',
      serialNo: '01',
      learners: 1,
      deliveries: 1,
      carriedOver: false,
      fromBatchId: null,
    })),
    missing: [],
    override: null,
    complete: true,
    uploadable: true,
  },
});

describe('the XML files on the Amendment files screen', () => {
  it('sends dropped .xml files (any case) to the XML check and everything else to the .amd check', () => {
    const split = splitDropped([{ name: 'chg012345A01.amd' }, { name: NAME }, { name: 'b.xml' }]);
    expect(split.amd.map((f) => f.name)).toEqual(['chg012345A01.amd']);
    expect(split.xml.map((f) => f.name)).toEqual([NAME, 'b.xml']);
  });

  it('gives an XML file its own address, apart from .amd files, and reads it back', () => {
    expect(xmlFileHref(NAME)).toBe(`#/files/xml/${NAME}`);
    expect(filesView(['xml', encodeURIComponent(NAME)])).toEqual({ view: 'xml', name: NAME });
    expect(filesView(['chg012345A01.amd'])).toEqual({ view: 'file', name: 'chg012345A01.amd' });
  });

  it('hides withdrawn files unless asked, filters on provider, UKPRN and status, newest first', () => {
    const files = [
      xmlFile({ id: 1 }),
      xmlFile({ id: 2, name: 'ILR-B-10001234-1112-0013-02.XML', status: 'accepted' }),
      xmlFile({ id: 3, name: 'ILR-A-10001234-1112-0013-03.XML', status: 'withdrawn' }),
    ];
    expect(visibleXmlFiles(files, '', false).map((f) => f.id)).toEqual([2, 1]);
    expect(visibleXmlFiles(files, '', true).map((f) => f.id)).toEqual([3, 2, 1]);
    expect(visibleXmlFiles(files, 'accepted', false).map((f) => f.id)).toEqual([2]);
    expect(visibleXmlFiles(files, '10001234', false)).toHaveLength(2);
    expect(visibleXmlFiles(files, '999999', false)).toHaveLength(0);
  });

  it('lets any file be withdrawn once, never a withdrawn one again', () => {
    expect(canWithdraw({ status: 'final' })).toBe(true);
    expect(canWithdraw({ status: 'accepted' })).toBe(true);
    expect(canWithdraw({ status: 'withdrawn' })).toBe(false);
  });

  it('lists the batches each file is in, oldest first, from the batches themselves', () => {
    const map = batchesByFile([xmlBatch(2, [NAME, 'x.XML']), xmlBatch(1, [NAME])]);
    expect(map.get(NAME)).toEqual([1, 2]);
    expect(batchesLabel(map.get(NAME))).toBe('Batches 1, 2');
    expect(batchesLabel(map.get('x.XML'))).toBe('Batch 2');
    expect(batchesLabel(undefined)).toBe('None');
  });

  it('says what the header holds and where each finding is, by line and column', () => {
    const facts = Object.fromEntries(summaryFacts(report()));
    expect(facts).toMatchObject({
      UKPRN: '10001234',
      'Serial number': '01',
      Learners: '3',
      'Learning deliveries': '6',
      'Prepared on': '2012-03-14',
    });
    expect(facts['Transmission type']).toMatch(/^A /);
    const base = { rule: 'X' as never, severity: 'error' as const, field: null, value: null };
    expect(lineLabel({ ...base, line: 7, column: 12, message: '' })).toBe('7');
    expect(columnLabel({ ...base, line: 7, column: 12, message: '' })).toBe('12');
    expect(lineLabel({ ...base, line: null, column: null, message: '' })).toBe('Whole file');
    expect(columnLabel({ ...base, line: null, column: null, message: '' })).toBe('–');
  });

  it('says a file with errors will not be kept, and one without may be', () => {
    expect(xmlVerdict(report({ errors: 2 })).intent).toBe('error');
    expect(xmlVerdict(report({ errors: 2 })).text).toContain('will not keep it');
    expect(xmlVerdict(report({ warnings: 1 })).intent).toBe('warning');
    expect(xmlVerdict(report()).intent).toBe('success');
  });

  it('offers only providers with a UKPRN, the header’s own first choice', () => {
    const p = (upin: string, ukprn: string | null): Provider => ({
      id: 1,
      upin,
      ukprn,
      name: upin,
      createdAt: '',
    });
    const all = [p('111111', null), p('222222', '10009999'), p('012345', '10001234')];
    const r = providersFor(all, '10001234');
    expect(r.choices.map((c) => c.upin)).toEqual(['222222', '012345']);
    expect(r.preferred).toBe('012345');
    expect(providersFor(all, '10000000').preferred).toBe('');
    expect(providersFor([p('222222', '10009999')], null).preferred).toBe('222222');
  });

  it('notes the provider matched by UKPRN, and warns when the chosen one has another', () => {
    const p = (upin: string, ukprn: string | null): Provider => ({
      id: 1,
      upin,
      ukprn,
      name: `College ${upin}`,
      createdAt: '',
    });
    const all = [p('222222', '10009999'), p('012345', '10001234')];
    expect(ukprnNote(all, '10001234', '012345')).toEqual({
      mismatch: false,
      text: 'Matched to 012345 College 012345 by the file’s UKPRN (10001234).'.replace('’', "'"),
    });
    expect(ukprnNote(all, '10001234', '222222')?.mismatch).toBe(true);
    expect(ukprnNote(all, '10001234', '222222')?.text).toContain('has UKPRN 10009999');
    expect(ukprnNote(all, '10000000', '')?.text).toContain('No provider in your history');
    expect(ukprnNote(all, null, '012345')).toBeNull();
  });

  it('says which batches a withdrawal took the file out of', () => {
    expect(withdrawOutcome(NAME, [])).toContain('in no batch waiting');
    expect(withdrawOutcome(NAME, [3])).toContain('taken out of batch 3');
    expect(withdrawOutcome(NAME, [3, 4])).toContain('batches 3, 4');
  });
});
