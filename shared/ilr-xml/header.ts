// The Header and LearningProvider of an ILR 2011-12 file: the values the checks read, where each
// stood, and the checks, run once each element has closed.
import type { CalendarDate } from '../amd/model';
import { compareDates, isRealDate } from '../amd/model';
import type { FindingList } from '../amd/findings';
import { isUkprn } from '../domain';
import type { IlrXmlFileName } from './names';
import { ILR_YEAR } from './model';
import type { IlrXmlSummary } from './model';

/** Where a start tag's '<' stands; column null in the rare case the name ran into a line break. */
export interface Place {
  line: number;
  column: number | null;
}

export interface Leaf extends Place {
  value: string;
}

/**
 * The header elements the checks read, by group, as the reference gives them
 * (Header/CollectionDetails and Header/Source). TransmissionNumber, SoftwareSupplier,
 * SoftwarePackage and Release, which real MIS exports also write, are accepted and not read:
 * nothing depends on them and whether they were mandatory in 2011-12 could not be confirmed.
 */
export const HEADER_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['CollectionDetails', ['Collection', 'Year', 'FilePreparationDate']],
  ['Source', ['ProtectiveMarking', 'UKPRN', 'TransmissionType', 'SerialNo', 'DateTime']],
]);

/**
 * Those the file is identified by (whose, A or B, which serial): missing, an error. The others rest
 * on the reconstructed structure alone: missing, a warning.
 */
const IDENTIFYING: ReadonlySet<string> = new Set([
  'Source/UKPRN',
  'Source/TransmissionType',
  'Source/SerialNo',
]);

export interface HeaderContext {
  name: IlrXmlFileName | undefined;
  today: CalendarDate | undefined;
  /**
   * A 2012-13 or later file (e.g. 1213): only what holds in every year is checked, the values
   * agreeing with the file name, not the 2011-12 layout or forms.
   */
  laterYear: string | undefined;
}

export class HeaderValues {
  header: Place | undefined;
  readonly groups = new Map<string, Place>();
  /** Keyed `Group/Leaf`, e.g. `Source/UKPRN`. */
  readonly leaves = new Map<string, Leaf>();
  provider: Place | undefined;
  providerUkprn: Leaf | undefined;

  summary(learners: number, learningDeliveries: number): IlrXmlSummary {
    const v = (key: string) => this.leaves.get(key)?.value.trim() || null;
    return {
      ukprn: v('Source/UKPRN'),
      serialNo: v('Source/SerialNo'),
      transmissionType: v('Source/TransmissionType'),
      preparationDate: v('CollectionDetails/FilePreparationDate'),
      learners,
      learningDeliveries,
    };
  }
}

const at = (p: Place, field: string, value?: string) => ({
  line: p.line,
  column: p.column,
  field,
  value: value ?? null,
});

export function checkHeader(h: HeaderValues, ctx: HeaderContext, out: FindingList): void {
  const header = h.header;
  if (!header) return;
  for (const [group, names] of HEADER_GROUPS) {
    const place = h.groups.get(group);
    if (!place) {
      if (!ctx.laterYear)
        out.add('XML_HEADER_MISSING', `Header has no ${group} element.`, {
          ...at(header, `Message/Header/${group}`),
        });
      continue;
    }
    for (const name of names) {
      const key = `${group}/${name}`;
      const leaf = h.leaves.get(key);
      if (leaf && leaf.value.trim() !== '')
        checkLeaf(key, { ...leaf, value: leaf.value.trim() }, ctx, out);
      else if (!ctx.laterYear)
        out.add(
          IDENTIFYING.has(key) ? 'XML_HEADER_MISSING' : 'XML_HEADER_DETAIL',
          `Header/${group} has ${leaf ? `an empty ${name} element` : `no ${name} element`}.`,
          at(leaf ?? place, `Message/Header/${key}`),
        );
    }
  }
}

function checkLeaf(key: string, leaf: Leaf, ctx: HeaderContext, out: FindingList): void {
  const { value } = leaf;
  const field = `Message/Header/${key}`;
  const name = ctx.name;
  // A later year's collection, year and date forms are its own; only agreement is checked.
  if (ctx.laterYear && key.startsWith('CollectionDetails/')) return;
  if (ctx.laterYear && key === 'Source/DateTime') return;
  switch (key) {
    case 'CollectionDetails/Collection':
      if (value !== 'ILR')
        out.add(
          'XML_HEADER_VALUE',
          `Collection is '${value}'; in a 2011-12 file it is ILR.`,
          at(leaf, field, value),
        );
      break;
    case 'CollectionDetails/Year':
      if (value !== ILR_YEAR)
        out.add(
          'XML_HEADER_VALUE',
          `Year is '${value}'; a 2011-12 file says ${ILR_YEAR}.`,
          at(leaf, field, value),
        );
      break;
    case 'CollectionDetails/FilePreparationDate':
      checkDate(value, /^(\d{4})-(\d{2})-(\d{2})$/, 'FilePreparationDate', leaf, field, ctx, out);
      break;
    case 'Source/DateTime':
      checkDate(value, DATE_TIME, 'DateTime', leaf, field, ctx, out);
      break;
    case 'Source/UKPRN':
      if (name && value !== name.ukprn)
        out.add(
          'XML_UKPRN_MISMATCH',
          `Header/Source/UKPRN is ${value} but the file name says ${name.ukprn}.`,
          at(leaf, field, value),
        );
      else if (!name && !isUkprn(value))
        out.add(
          'XML_HEADER_VALUE',
          `UKPRN is '${value}'; it must be eight digits.`,
          at(leaf, field, value),
        );
      break;
    case 'Source/TransmissionType':
      if (value !== 'A' && value !== 'B') {
        if (!ctx.laterYear)
          out.add(
            'XML_TRANSMISSION_TYPE',
            `TransmissionType is '${value}'; it must be A or B.`,
            at(leaf, field, value),
          );
      } else if (name?.transmissionType && value !== name.transmissionType)
        out.add(
          'XML_TRANSMISSION_TYPE',
          `TransmissionType is ${value} but the file name says ${name.transmissionType}.`,
          at(leaf, field, value),
        );
      break;
    case 'Source/SerialNo':
      checkSerialNo(leaf, field, name, out);
      break;
  }
}

/**
 * SerialNo and the name's NN are compared as numbers: a real MIS writes <SerialNo>1</SerialNo>
 * in a file whose name ends -01 (reference), so 1 and 01 agree; 0 numbers no file.
 */
function checkSerialNo(
  leaf: Leaf,
  field: string,
  name: IlrXmlFileName | undefined,
  out: FindingList,
): void {
  const { value } = leaf;
  const serial = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(serial >= 1 && serial <= 99))
    out.add(
      'XML_SERIAL_NO',
      `SerialNo is '${value}'; it must be a number from 01 to 99 (1 and 01 are the same).`,
      at(leaf, field, value),
    );
  else if (name && serial !== Number(name.serialNo))
    out.add(
      'XML_SERIAL_NO',
      `SerialNo is ${value} but the file name ends in ${name.serialNo}.`,
      at(leaf, field, value),
    );
}

/** xs:dateTime as MIS exports write it; the date part is what the future check reads. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

function checkDate(
  value: string,
  form: RegExp,
  what: string,
  leaf: Leaf,
  field: string,
  ctx: HeaderContext,
  out: FindingList,
): void {
  const m = form.exec(value);
  const [year, month, day] = [m?.[1], m?.[2], m?.[3]].map(Number);
  if (!m || !isRealDate(year ?? 0, month ?? 0, day ?? 0)) {
    const shape = what === 'DateTime' ? 'yyyy-mm-ddThh:mm:ss' : 'yyyy-mm-dd';
    out.add(
      'XML_HEADER_VALUE',
      `${what} is '${value}', which is not a real ${shape}.`,
      at(leaf, field, value),
    );
  } else if (
    ctx.today &&
    compareDates({ year: year ?? 0, month: month ?? 0, day: day ?? 0 }, ctx.today) > 0
  ) {
    out.add('XML_DATE_FUTURE', `${what} is ${value}, after today.`, at(leaf, field, value));
  }
}

/** LearningProvider/UKPRN must name the provider the file name (or, failing that, the header) names. */
export function checkProvider(h: HeaderValues, ctx: HeaderContext, out: FindingList): void {
  const place = h.provider;
  if (!place) return;
  const leaf = h.providerUkprn;
  const field = 'Message/LearningProvider/UKPRN';
  const value = leaf?.value.trim() ?? '';
  if (!leaf || value === '') {
    if (ctx.laterYear) return;
    out.add(
      'XML_HEADER_MISSING',
      `LearningProvider has ${leaf ? 'an empty' : 'no'} UKPRN element.`,
      at(leaf ?? place, field),
    );
    return;
  }
  const expected = ctx.name?.ukprn ?? h.leaves.get('Source/UKPRN')?.value.trim();
  if (expected !== undefined && value !== expected) {
    const source = ctx.name ? 'the file name says' : 'Header/Source/UKPRN says';
    out.add(
      'XML_UKPRN_MISMATCH',
      `LearningProvider/UKPRN is ${value} but ${source} ${expected}.`,
      at(leaf, field, value),
    );
  }
}
