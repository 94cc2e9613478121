// A 2012-13 or later ILR XML file is not wrong, only not checked by these 2011-12 rules: it is
// named as a later year once, and checked only for what holds in every year.
import { describe, expect, it } from 'vitest';
import { ilrDoc, ilrText } from '../../support/ilr-xml';
import { checkText, codesOf } from './check';

const NS_1213 = 'http://www.theia.org.uk/ILR/2012-13/1';
const NS_1314 = 'http://www.theia.org.uk/ILR/2013-14/1';
const doc1213 = (over: Parameters<typeof ilrDoc>[0] = {}) =>
  ilrDoc({ ...over, namespace: NS_1213, header: { Year: '1213', ...over.header } });
const NAME_1213 = 'ILR-A-10007928-1213-0013-01.XML';

describe('a file in a later ILR year', () => {
  it('is valid with one warning when its name and header are of its own year', () => {
    const report = checkText(ilrText(doc1213()), { fileName: NAME_1213 });
    expect(codesOf(report)).toEqual(['XML_LATER_YEAR']);
    expect(report.findings[0]?.message).toContain('a later ILR year, not checked by these rules');
    expect(report).toMatchObject({ valid: true, errors: 0, warnings: 1 });
  });

  it('is not held to the 2011-12 header: a 2013-14 layout without TransmissionType passes', () => {
    const doc = ilrDoc({
      namespace: NS_1314,
      header: { Year: '1314', TransmissionType: null, ProtectiveMarking: null },
    });
    const name = 'ILR-10007928-1314-20131001-102030-01.xml';
    const report = checkText(ilrText(doc), { fileName: name });
    expect(codesOf(report)).toEqual(['XML_LATER_YEAR']);
  });

  it('still fails what would fail in any year: a UKPRN of another provider, a repeated learner, a serial that is not the name', () => {
    const doc = doc1213({
      learners: ['A1', 'A1'],
      providerUkprn: '10001234',
      header: { SerialNo: '3' },
    });
    const report = checkText(ilrText(doc), { fileName: NAME_1213 });
    expect(report.valid).toBe(false);
    expect([...codesOf(report)].sort()).toEqual([
      'XML_DUPLICATE_LEARNER',
      'XML_LATER_YEAR',
      'XML_SERIAL_NO',
      'XML_UKPRN_MISMATCH',
    ]);
  });

  it('still fails when it is not well-formed', () => {
    const text = ilrText(doc1213()).replace('</Sex>', '</Sx>');
    const report = checkText(text, { fileName: NAME_1213 });
    expect(codesOf(report)).toContain('XML_NOT_WELL_FORMED');
    expect(report.valid).toBe(false);
  });

  it('is an ordinary wrong namespace when the year in it is no year (2012-14)', () => {
    const text = ilrText(ilrDoc({ namespace: 'http://www.theia.org.uk/ILR/2012-14/1' }));
    expect(codesOf(checkText(text))).toEqual(['XML_NAMESPACE']);
  });
});
