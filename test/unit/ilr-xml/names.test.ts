// ILR XML file names: the 2011-12 pattern, the later one only for its own years.
import { describe, expect, it } from 'vitest';
import { describeYear, parseIlrXmlFileName } from '../../../shared/ilr-xml';

describe('ILR XML file names', () => {
  it('reads a 2011-12 name into its parts, whatever the case of the extension', () => {
    for (const ext of ['XML', 'xml', 'Xml']) {
      expect(parseIlrXmlFileName(`ILR-B-10007928-1112-0013-07.${ext}`)).toEqual({
        ok: true,
        name: {
          transmissionType: 'B',
          ukprn: '10007928',
          year: '1112',
          transmission: '0013',
          serialNo: '07',
        },
      });
    }
  });

  it('reads the later pattern only for 2013-14 onwards', () => {
    expect(parseIlrXmlFileName('ILR-10007928-1314-20131014-102030-01.xml')).toEqual({
      ok: true,
      name: { ukprn: '10007928', year: '1314', serialNo: '01' },
    });
    const early = parseIlrXmlFileName('ILR-10007928-1112-20120314-102030-01.xml');
    expect(early).toMatchObject({ ok: false, problem: expect.stringContaining('from 2013-14') });
  });

  it('refuses the 2011-12 pattern for 2013-14 onwards', () => {
    const r = parseIlrXmlFileName('ILR-A-10007928-1314-0001-01.XML');
    expect(r).toMatchObject({ ok: false, problem: expect.stringContaining('later pattern') });
  });

  it.each([
    ['ILR-A-10007928-1112-0013-00.XML', 'NN is 00'],
    ['ILR-A-10007928-1112-0013-01.amd', 'does not end in .XML'],
    ['ILR-A-10007928-1112-13-01.XML', 'transmission number'],
    ['ILR-10007928-1314-20130230-102030-01.xml', '20130230 is not a real date'],
    ['ILR-10007928-1314-20131014-246000-01.xml', '246000 is not a time'],
    ['ILR_A_10007928_1112_0013_01.XML', 'does not start with ILR-'],
  ])('refuses %s: %s', (name, problem) => {
    expect(parseIlrXmlFileName(name)).toMatchObject({
      ok: false,
      problem: expect.stringContaining(problem),
    });
  });

  it('writes a year the way people say it', () => {
    expect(describeYear('1112')).toBe('2011-12');
    expect(describeYear('1314')).toBe('2013-14');
  });
});
