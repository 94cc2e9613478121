// ILR XML reports print in the same three formats as .amd reports, alone or mixed with them: the
// text counts learners and summarises the header, JSON and CSV add the column of each finding.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RULESET_VERSION, reportCsv, reportJson, reportText } from '../../../shared/amd';
import { XML_RULESET_VERSION } from '../../../shared/ilr-xml';
import { ilrDoc, ilrText, positionOf } from '../../support/ilr-xml';
import { changeDraft, check } from '../amd/drafts';
import { checkDoc } from './check';

const clean = () => checkDoc();
const duplicate = () => checkDoc(ilrDoc({ learners: ['A1', 'B2', 'A1'] }));
const AMD_FINDING_KEYS = ['field', 'line', 'message', 'rule', 'severity', 'value'];

describe('the text report of an XML file', () => {
  it('counts learners, summarises the header and gives line and column', () => {
    const second = positionOf(
      ilrText(ilrDoc({ learners: ['A1', 'B2', 'A1'] })),
      '<LearnRefNumber>A1',
      2,
    );
    const text = reportText([clean(), duplicate()]);
    expect(text).toContain(
      'ILR-A-10007928-1112-0013-01.XML: valid - 0 errors, 0 warnings, 3 learners, 0 learners affected\n',
    );
    expect(text).toContain(
      '  UKPRN 10007928, serial 01, transmission type A, prepared 2012-03-14; 6 learning deliveries.\n',
    );
    expect(text).toContain('NOT VALID - 1 error, 0 warnings, 3 learners, 1 learner affected');
    expect(text).toContain(
      `  ERROR   XML_DUPLICATE_LEARNER (line ${second.line}, column ${second.column}, field Message/Learner/LearnRefNumber): LearnRefNumber A1`,
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(`Rule set ${XML_RULESET_VERSION}.`);
  });

  it('names both rule sets, and the catalogue, when .amd and XML files are checked together', () => {
    const text = reportText([check(changeDraft()), clean()]);
    expect(text).toContain(
      'chg105432A01.amd: valid - 0 errors, 0 warnings, 3 records, 0 records affected',
    );
    expect(text).toContain(
      `Rule sets ${RULESET_VERSION}, ${XML_RULESET_VERSION}; no ILR catalogue (add --year`,
    );
  });
});

describe('the JSON report', () => {
  it('keeps .amd entries exactly as they were and adds xml and column for XML files', () => {
    const json = reportJson([check(changeDraft()), duplicate()]);
    expect(Object.keys(json).sort()).toEqual(['files', 'ruleset', 'summary']);
    const [amd, xml] = json.files;
    expect(Object.keys(amd ?? {}).sort()).toEqual(['file', 'findings', 'valid']);
    expect(Object.keys(xml ?? {}).sort()).toEqual(['file', 'findings', 'valid', 'xml']);
    expect(Object.keys(xml?.findings[0] ?? {}).sort()).toEqual(
      [...AMD_FINDING_KEYS, 'column'].sort(),
    );
    expect(xml?.xml).toMatchObject({ learners: 3, learningDeliveries: 6, ukprn: '10007928' });
    expect(json.ruleset).toEqual({
      version: `${RULESET_VERSION}, ${XML_RULESET_VERSION}`,
      catalogue: null,
    });
  });

  it('gives every XML finding a column, the summary of findings past the cap included', () => {
    const refs = Array.from({ length: 1002 }, () => 'A1');
    const json = reportJson([checkDoc(ilrDoc({ learners: refs }))]);
    const findings = json.files[0]?.findings ?? [];
    expect(findings).toHaveLength(1001);
    const summary = findings.find((f) => f.line === null);
    expect(summary).toMatchObject({ column: null, rule: 'XML_DUPLICATE_LEARNER' });
    expect(summary?.message).toContain('1 more XML_DUPLICATE_LEARNER finding not listed');
    for (const f of findings) expect(Object.keys(f)).toContain('column');
  });

  it('names only the .amd rule set for .amd files, as before', () => {
    expect(reportJson([check(changeDraft())]).ruleset.version).toBe(RULESET_VERSION);
  });
});

describe('the CSV report', () => {
  it('has a Column column, empty for .amd findings', () => {
    const amdWithFinding = check({ ...changeDraft(), lines: changeDraft().lines.slice(0, 12) });
    const csv = reportCsv([amdWithFinding, duplicate()]);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields?.slice(0, 6)).toEqual([
      'File',
      'Severity',
      'Rule',
      'Line',
      'Column',
      'Field',
    ]);
    const xmlRow = rows.data.find((r) => r.Rule === 'XML_DUPLICATE_LEARNER');
    expect(xmlRow).toMatchObject({
      Column: '3',
      Field: 'Message/Learner/LearnRefNumber',
      'Rule set': XML_RULESET_VERSION,
    });
    expect(
      rows.data.filter((r) => (r.File ?? '').endsWith('.amd')).every((r) => r.Column === ''),
    ).toBe(true);
    expect(rows.data.some((r) => (r.File ?? '').endsWith('.amd'))).toBe(true);
  });
});
