// ILR XML file names. Up to 2012-13 the name is ILR-{A|B}-{UKPRN}-{YYYY}-{transmission}-{NN}.XML
// (e.g. ILR-A-10007928-1112-0013-01.XML); from 2013-14 it is
// ILR-{UKPRN}-{YYYY}-{yyyymmdd}-{hhmmss}-{NN}.xml. Each pattern is accepted only for its own years
// (the reference marks the later one as 2013-14 onwards), so a 2011-12 file has the first.
import { isIlrYear, isRealDate } from '../domain';

export interface IlrXmlFileName {
  /** Present in the 2011-12 pattern only. */
  transmissionType?: 'A' | 'B';
  ukprn: string;
  /** Four digits naming the two years, e.g. 1112. */
  year: string;
  /** The four-digit transmission number of the 2011-12 pattern. */
  transmission?: string;
  /** The two-digit serial number NN, as written. */
  serialNo: string;
}

export type IlrXmlFileNameCheck =
  { ok: true; name: IlrXmlFileName } | { ok: false; problem: string };

/**
 * Whether a name is taken for an ILR XML file's rather than an .amd file's: ILR-…, ending .xml in
 * any case (a file misnamed within that is still an XML file, and its check says what is wrong).
 */
export const isXmlFileName = (name: string): boolean => /^ILR-.*\.xml$/i.test(name);

/** The first year named with the later pattern. */
const LATER_PATTERN_FROM = 13;

// Only the extension may be in any case: ilr-a-... is not the pattern.
const EARLY = /^ILR-([AB])-(\d{8})-(\d{4})-(\d{4})-(\d{2})\.[xX][mM][lL]$/;
const LATER = /^ILR-(\d{8})-(\d{4})-(\d{8})-(\d{6})-(\d{2})\.[xX][mM][lL]$/;

export function parseIlrXmlFileName(fileName: string): IlrXmlFileNameCheck {
  if (!/\.xml$/i.test(fileName)) return { ok: false, problem: 'the name does not end in .XML' };
  const early = EARLY.exec(fileName);
  if (early) {
    const [, type = 'A', ukprn = '', year = '', transmission = '', serialNo = ''] = early;
    const problem =
      yearProblem(year) ??
      (firstYear(year) >= LATER_PATTERN_FROM
        ? `${year} is named with the later pattern ILR-UKPRN-${year}-yyyymmdd-hhmmss-NN.xml`
        : serialProblem(serialNo));
    if (problem) return { ok: false, problem };
    return {
      ok: true,
      name: { transmissionType: type as 'A' | 'B', ukprn, year, transmission, serialNo },
    };
  }
  const later = LATER.exec(fileName);
  if (later) {
    const [, ukprn = '', year = '', date = '', time = '', serialNo = ''] = later;
    const problem =
      yearProblem(year) ??
      (firstYear(year) < LATER_PATTERN_FROM
        ? `the pattern ILR-UKPRN-YYYY-yyyymmdd-hhmmss-NN.xml is used from 2013-14; a ${year} file is named ILR-A-UKPRN-${year}-transmission-NN.XML`
        : (dateTimeProblem(date, time) ?? serialProblem(serialNo)));
    if (problem) return { ok: false, problem };
    return { ok: true, name: { ukprn, year, serialNo } };
  }
  return { ok: false, problem: describeBadName(fileName) };
}

/** `1112` → `2011-12`, for messages. */
export function describeYear(year: string): string {
  return `20${year.slice(0, 2)}-${year.slice(2)}`;
}

function firstYear(year: string): number {
  return Number(year.slice(0, 2));
}

function yearProblem(year: string): string | undefined {
  return isIlrYear(describeYear(year))
    ? undefined
    : `${year} is not a year: it must be two consecutive years, e.g. 1112 for 2011-12`;
}

function serialProblem(nn: string): string | undefined {
  return nn === '00' ? 'the serial number NN is 00; it must be 01 to 99' : undefined;
}

function dateTimeProblem(date: string, time: string): string | undefined {
  const [y, m, d] = [date.slice(0, 4), date.slice(4, 6), date.slice(6)].map(Number);
  const [hh, mm, ss] = [time.slice(0, 2), time.slice(2, 4), time.slice(4)].map(Number);
  if (!isRealDate(y ?? 0, m ?? 0, d ?? 0)) return `${date} is not a real date`;
  if ((hh ?? 99) > 23 || (mm ?? 99) > 59 || (ss ?? 99) > 59) return `${time} is not a time`;
  return undefined;
}

function describeBadName(fileName: string): string {
  if (!fileName.startsWith('ILR-')) return 'the name does not start with ILR-';
  if (/^ILR-[^AB\d]/.test(fileName) || /^ILR-[AB][^-]/.test(fileName))
    return 'after ILR- comes the transmission type, A or B';
  if (!/^ILR-(?:[AB]-)?\d{8}-/.test(fileName))
    return 'the UKPRN after ILR-A- or ILR-B- must be eight digits';
  return 'after the UKPRN the name needs the year (e.g. 1112), a four-digit transmission number and the two-digit serial number NN';
}
