// An ILR 2011-12 amendment worked out from two files: the one returned (what HEFCE holds) and the
// corrected one. HEFCE's guide: additions and changes go in one XML file and "each record you must
// submit all fields even if you only wish to change one field". So the amendment holds every
// learner that changed or was added, whole, as the corrected file has it; a learner only in the
// returned file is listed for the user, since the guide gives no form for a deletion in XML.
// The file holds only those learners, so it is a 'B' file: the reference has an 'A' file replace
// everything held and a 'B' file update just the learners it holds. Pure: reading is the caller's.
import {
  AmendInputError,
  MessageReader,
  childText,
  fieldsOf,
  fingerprint,
  serialize,
} from './amend-read';
import type { MessageParts, XmlNode } from './amend-read';
import { ILR_2011_12_NAMESPACE, ILR_YEAR } from './model';
import { parseIlrXmlFileName } from './names';

export { AmendInputError } from './amend-read';

export interface ChangedLearner {
  ref: string;
  /** The values that differ, by path (LearningDelivery[2]/LearnStartDate), in the corrected order. */
  fields: string[];
}

export interface XmlAmendment {
  fileName: string;
  text: string;
  ukprn: string;
  serialNo: string;
  changed: ChangedLearner[];
  added: string[];
  /** In the returned file only: the guide gives no XML form for deleting them. */
  onlyInReturned: string[];
  unchanged: number;
}

interface Side {
  name: string;
  header: XmlNode | undefined;
  provider: XmlNode | undefined;
}

/** Collects the two files (returned first, then corrected) and writes the amendment. */
export class XmlAmendmentBuilder {
  private readonly returned: Side;
  private readonly corrected: Side;
  /** Returned learners by reference: their fields as one string. */
  private readonly held = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly lines: string[] = [];
  private readonly changed: ChangedLearner[] = [];
  private readonly added: string[] = [];
  private unchanged = 0;

  constructor(names: { returned: string; corrected: string }) {
    this.returned = { name: names.returned, header: undefined, provider: undefined };
    this.corrected = { name: names.corrected, header: undefined, provider: undefined };
  }

  /** A reader for the returned file's text. */
  readReturned(): MessageReader {
    // Read again from the start when the bytes turn out not to be UTF-8: begin afresh.
    this.held.clear();
    return new MessageReader(
      this.returned.name,
      this.parts(this.returned, (ref, node) => {
        this.held.set(ref, fingerprint(fieldsOf(node)));
      }),
    );
  }

  /** A reader for the corrected file's text: read after the returned file. */
  readCorrected(): MessageReader {
    this.seen.clear();
    this.lines.length = 0;
    this.changed.length = 0;
    this.added.length = 0;
    this.unchanged = 0;
    return new MessageReader(
      this.corrected.name,
      this.parts(this.corrected, (ref, node) => {
        this.seen.add(ref);
        const fields = fieldsOf(node);
        const before = this.held.get(ref);
        if (before === fingerprint(fields)) {
          this.unchanged++;
          return;
        }
        if (before === undefined) this.added.push(ref);
        else this.changed.push({ ref, fields: differing(unprint(before), fields) });
        this.lines.push(...serialize(node, 1));
      }),
    );
  }

  private parts(side: Side, onLearner: (ref: string, node: XmlNode) => void): MessageParts {
    const own = new Set<string>();
    return {
      header: (node) => (side.header = node),
      provider: (node) => (side.provider = node),
      learner: (node, line) => {
        const ref = childText(node, 'LearnRefNumber') ?? '';
        if (ref === '')
          throw new AmendInputError(
            `${side.name}: the learner at line ${line} has no LearnRefNumber, so it cannot be matched.`,
          );
        if (own.has(ref))
          throw new AmendInputError(
            `${side.name}: LearnRefNumber ${ref} appears more than once, so its learners cannot be told apart.`,
          );
        own.add(ref);
        onLearner(ref, node);
      },
    };
  }

  /**
   * The amendment, its serial number the next after both files' and `usedSerials` (the history's
   * files of this provider). `today` is YYYY-MM-DD and `now` YYYY-MM-DDTHH:MM:SS, for its header.
   */
  finish(o: {
    usedSerials: (ukprn: string) => readonly number[];
    today: string;
    now: string;
  }): XmlAmendment {
    const header = this.corrected.header;
    const returnedUkprn =
      this.returned.header && childText(this.returned.header, 'Source', 'UKPRN');
    const ukprn = header && childText(header, 'Source', 'UKPRN');
    if (!header || !this.corrected.provider || !ukprn)
      throw new AmendInputError(
        `${this.corrected.name} has no Header with Source/UKPRN and LearningProvider to take the amendment's from.`,
      );
    if (returnedUkprn !== undefined && returnedUkprn !== ukprn)
      throw new AmendInputError(
        `${this.returned.name} is provider ${returnedUkprn}'s and ${this.corrected.name} is ${ukprn}'s; compare two files of one provider.`,
      );
    const onlyInReturned = [...this.held.keys()].filter((r) => !this.seen.has(r));
    if (this.lines.length === 0)
      throw new AmendInputError(
        `No learner in ${this.corrected.name} differs from ${this.returned.name}, so there is nothing to amend${onlyInReturned.length ? ` (learners only in the returned file: ${onlyInReturned.join(', ')}; the guide gives no XML form for deleting them)` : ''}.`,
      );
    const serials = [
      ...o.usedSerials(ukprn),
      serialOf(this.returned.header),
      serialOf(header),
    ].filter((n) => Number.isFinite(n));
    const next = Math.max(0, ...serials) + 1;
    if (next > 99)
      throw new AmendInputError(
        `The next serial number would be ${next}; serial numbers run 01 to 99.`,
      );
    const written = childText(header, 'Source', 'SerialNo') ?? '';
    const serialNo =
      written.length === 1 && next < 10 ? String(next) : String(next).padStart(2, '0');
    set(header, ['Source', 'TransmissionType'], 'B');
    set(header, ['Source', 'SerialNo'], serialNo);
    set(header, ['CollectionDetails', 'FilePreparationDate'], o.today);
    set(header, ['Source', 'DateTime'], o.now);
    const fileName = `ILR-B-${ukprn}-${ILR_YEAR}-${transmissionOf(this.corrected.name, header)}-${String(next).padStart(2, '0')}.XML`;
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<Message xmlns="${ILR_2011_12_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
      ...serialize(header, 1),
      ...serialize(this.corrected.provider, 1),
      ...this.lines,
      '</Message>',
    ]
      .map((l) => `${l}\r\n`)
      .join('');
    return {
      fileName,
      text,
      ukprn,
      serialNo,
      changed: this.changed,
      added: this.added,
      onlyInReturned,
      unchanged: this.unchanged,
    };
  }
}

function serialOf(header: XmlNode | undefined): number {
  const s = header && childText(header, 'Source', 'SerialNo');
  return s && /^\d+$/.test(s) ? Number(s) : NaN;
}

/** The corrected file's transmission number: from its name, else its header, else 0001. */
function transmissionOf(name: string, header: XmlNode): string {
  const parsed = parseIlrXmlFileName(name);
  if (parsed.ok && parsed.name.transmission) return parsed.name.transmission;
  const t = childText(header, 'Source', 'TransmissionNumber') ?? '';
  return /^\d{1,4}$/.test(t) ? t.padStart(4, '0') : '0001';
}

function set(node: XmlNode, path: string[], value: string): void {
  let at: XmlNode | undefined = node;
  for (const name of path) at = at?.children.find((c) => c.name === name);
  if (at) at.text = value;
}

function unprint(print: string): Map<string, string> {
  const out = new Map<string, string>();
  if (print === '') return out;
  for (const entry of print.split('\u0002')) {
    const cut = entry.indexOf('\u0001');
    out.set(entry.slice(0, cut), entry.slice(cut + 1));
  }
  return out;
}

/** Paths whose values differ or are on one side only, the corrected file's first; `[1]` dropped. */
function differing(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  return paths.filter((p) => before.get(p) !== after.get(p)).map((p) => p.replace(/\[1\]$/, ''));
}
