// The ILR XML rule set as a whole: every rule has a file that breaks it and one that does not,
// each rule explains itself, and the clean starting file has no findings.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/amd';
import { XML_RULES, XML_RULESET_VERSION } from '../../../shared/ilr-xml';
import { deliveriesOf, ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { checkDoc, checkText } from './check';
import { FILE_CASES } from './cases-file';
import { HEADER_CASES } from './cases-header';
import { LEARNER_CASES } from './cases-learners';
import { runRuleCases } from './rule-cases';

const ALL_CASES = [...FILE_CASES, ...HEADER_CASES, ...LEARNER_CASES];

runRuleCases(ALL_CASES);

describe('the ILR XML rule set', () => {
  it('has, for every rule, a file that breaks it and one that does not', () => {
    const covered = ALL_CASES.filter((c) => c.breaks.length > 0 && c.passes.length > 0).map(
      (c) => c.code,
    );
    expect([...covered].sort()).toEqual([...XML_RULES.keys()].sort());
  });

  it('tests each rule with the severity the rule set gives it', () => {
    for (const c of ALL_CASES) expect(c.severity, c.code).toBe(XML_RULES.get(c.code)?.severity);
  });

  it('says for every rule, in full sentences, why it matters and what to do', () => {
    for (const r of XML_RULES.values()) {
      expect(r.code).toMatch(/^XML_[A-Z_]+$/);
      expect(r.title.length, r.code).toBeGreaterThan(10);
      expect(r.why, r.code).toMatch(/^[A-Z].{15,}[.)]$/);
      expect(r.check, r.code).toMatch(/^[A-Z].{10,}[.)]$/);
    }
  });

  it('says for every rule why it is an error or a warning: errors only where the guide says so or processing would certainly fail', () => {
    for (const r of XML_RULES.values()) {
      expect(r.basis.source, r.code).toMatch(/^[A-Z].{20,}[.)]$/);
      if (r.severity === 'error') expect(['guide', 'processing'], r.code).toContain(r.basis.kind);
      if (r.basis.kind === 'reconstructed') {
        expect(r.severity, r.code).toBe('warning');
        // Named with its source and confidence, in the table and in every message.
        expect(r.basis.source, r.code).toMatch(/public ILR material/);
        expect(r.basis.source, r.code).toMatch(/confidence|reconstructed/);
        expect(r.why, r.code).toMatch(/public ILR material.*confidence/);
      }
    }
  });

  it('shares no code with the .amd rules', () => {
    for (const code of XML_RULES.keys()) expect(RULES.has(code), code).toBe(false);
  });
});

describe('a clean 2011-12 file', () => {
  it('is valid with no findings, and its header and counts are summarised', () => {
    const report = checkDoc();
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({
      file: ilrName(),
      valid: true,
      errors: 0,
      warnings: 0,
      records: 3,
      recordsAffected: 0,
      ruleset: XML_RULESET_VERSION,
      catalogue: null,
    });
    expect(report.xml).toEqual({
      ukprn: '10007928',
      serialNo: '01',
      transmissionType: 'A',
      preparationDate: '2012-03-14',
      learners: 3,
      learningDeliveries: deliveriesOf(3),
    });
  });

  it('gets no finding when shaped like a real MIS export: SerialNo 1 for NN 01, every optional header element', () => {
    const doc = ilrDoc({ header: { TransmissionNumber: '0013', SerialNo: '1' } });
    const text = ilrText(doc);
    // The order the reference's MIS writes them in, so the case is what such a file looks like.
    const order = ['ProtectiveMarking', 'UKPRN', 'TransmissionNumber', 'TransmissionType'];
    const more = ['SoftwareSupplier', 'SoftwarePackage', 'Release', 'SerialNo', 'DateTime'];
    const at = [...order, ...more].map((n) => text.indexOf(`<${n}>`));
    expect(at.every((i, k) => i > (at[k - 1] ?? 0))).toBe(true);
    expect(text).toContain('<SerialNo>1</SerialNo>');
    const report = checkText(text, { fileName: 'ILR-A-10007928-1112-0013-01.XML' });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ valid: true, errors: 0, warnings: 0 });
    expect(report.xml?.serialNo).toBe('1');
  });

  it('counts learners with findings as the learners affected', () => {
    const report = checkDoc(ilrDoc({ learners: ['A1', null, 'A1', 'A1', 'B2'] }));
    expect(report.records).toBe(5);
    expect(report.recordsAffected).toBe(3);
    expect(report.errors).toBe(3);
  });
});
