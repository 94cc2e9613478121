// ILR XML amendment files (2011-12 onwards) in the history. Each comes in checked: its content is
// already in DATA/content/<sha256>, and only a file without errors is kept. Its status follows its
// uploads (final → submitted → accepted | rejected) until the user withdraws it, with a reason.
import type { StoredXmlFile } from '../../shared/history/types';
import type { XmlFileStatus } from '../../shared/history/lifecycle';
import { amendsWithXml, canMoveXmlFile } from '../../shared/history/lifecycle';
import { describeYear } from '../../shared/ilr-xml/names';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import type { Providers } from './providers';

/** What the offline check of one XML file found, as far as the history needs it. */
export interface XmlFileFacts {
  /** The file's base name. */
  name: string;
  valid: boolean;
  errors: number;
  warnings: number;
  /** The first error messages, for a refusal the user can act on. */
  problems: string[];
  ukprn: string | null;
  transmissionType: 'A' | 'B' | null;
  serialNo: string | null;
  /** The ILR year as written in the file name, e.g. 1112. */
  year: string | null;
  learners: number;
  deliveries: number;
  preparedOn: string | null;
}

/** A checked file whose content is stored (content.putFile or putBytes). */
export interface CheckedXmlFile {
  sha256: string;
  bytes: number;
  facts: XmlFileFacts;
}

interface Row {
  id: number;
  upin: string;
  year: string;
  name: string;
  ukprn: string;
  transmission_type: 'A' | 'B';
  serial_no: string;
  sha256: string;
  bytes: number;
  learners: number;
  deliveries: number;
  prepared_on: string | null;
  warnings: number;
  status: XmlFileStatus;
  withdrawn_reason: string | null;
  created_at: string;
  status_changed_at: string;
}

const SELECT = 'SELECT f.*, v.upin FROM xml_files f JOIN providers v ON v.id = f.provider_id';

const toFile = (r: Row): StoredXmlFile => ({
  id: r.id,
  upin: r.upin,
  year: r.year,
  name: r.name,
  ukprn: r.ukprn,
  transmissionType: r.transmission_type,
  serialNo: r.serial_no,
  sha256: r.sha256,
  bytes: r.bytes,
  learners: r.learners,
  deliveries: r.deliveries,
  preparedOn: r.prepared_on,
  warnings: r.warnings,
  status: r.status,
  withdrawnReason: r.withdrawn_reason,
  createdAt: r.created_at,
  statusChangedAt: r.status_changed_at,
});

export class XmlFiles {
  constructor(
    private readonly ctx: StoreContext,
    private readonly providers: Providers,
  ) {}

  /**
   * Keeps a checked file for a provider. The same name with the same content is the file already
   * kept; the same name with other content is refused, since a name is never reused.
   */
  record(upin: string, checked: CheckedXmlFile): StoredXmlFile {
    return inTransaction(this.ctx, () => {
      const provider = this.providers.get(upin);
      const { facts: f } = checked;
      if (!f.valid || f.errors > 0)
        throw new StoreError(
          'INVALID_INPUT',
          `${f.name} has ${f.errors === 1 ? '1 error' : `${f.errors} errors`}, so it cannot be kept or sent: ${f.problems.slice(0, 3).join(' ')} Correct the file and add it again; checking it lists every error.`,
        );
      if (!f.ukprn || !f.transmissionType || !f.serialNo || !f.year)
        throw new StoreError(
          'INVALID_INPUT',
          `${f.name}: the check could not read the UKPRN, transmission type, serial number and year.`,
        );
      if (provider.ukprn === null)
        throw new StoreError(
          'INVALID_INPUT',
          `Provider ${upin} has no UKPRN in the history, so ReturnDesk cannot tell whether ${f.name} (UKPRN ${f.ukprn}) is its file. Set the provider's UKPRN first.`,
        );
      if (provider.ukprn !== f.ukprn)
        throw new StoreError(
          'INVALID_INPUT',
          `${f.name} is for UKPRN ${f.ukprn}, but provider ${upin} has UKPRN ${provider.ukprn}: check that the file belongs to this college.`,
        );
      const year = describeYear(f.year);
      if (!amendsWithXml(year))
        throw new StoreError(
          'INVALID_INPUT',
          `${f.name} is for ${year}; amendments before 2011-12 are .amd files, not XML.`,
        );
      const live = this.live(provider.id, f.name);
      if (live) {
        if (live.sha256 === checked.sha256) return toFile(live);
        throw new StoreError(
          'CONFLICT',
          `A different file named ${f.name} is already in the history (${live.status}); a file name is never used twice. Give the new file the next serial number, or withdraw the old one first.`,
        );
      }
      const now = this.ctx.now().toISOString();
      const { id } = this.ctx.db
        .prepare(
          `INSERT INTO xml_files (provider_id, year, name, ukprn, transmission_type, serial_no, sha256, bytes,
                  learners, deliveries, prepared_on, warnings, status, created_at, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'final', ?, ?) RETURNING id`,
        )
        .get(
          provider.id,
          year,
          f.name,
          f.ukprn,
          f.transmissionType,
          f.serialNo,
          checked.sha256,
          checked.bytes,
          f.learners,
          f.deliveries,
          f.preparedOn,
          f.warnings,
          now,
          now,
        ) as { id: number };
      this.ctx.audit.append({
        action: 'xml_file.recorded',
        subject: `file:${f.name}`,
        details: {
          id,
          upin,
          year,
          sha256: checked.sha256,
          transmissionType: f.transmissionType,
          learners: f.learners,
          deliveries: f.deliveries,
          warnings: f.warnings,
        },
      });
      return this.load(id);
    });
  }

  list(filter: { upin?: string; year?: string; status?: XmlFileStatus } = {}): StoredXmlFile[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            `${SELECT} WHERE (@upin IS NULL OR v.upin = @upin) AND (@year IS NULL OR f.year = @year)
               AND (@status IS NULL OR f.status = @status) ORDER BY f.id`,
          )
          .all({
            upin: filter.upin ?? null,
            year: filter.year ?? null,
            status: filter.status ?? null,
          }) as Row[]
      ).map(toFile),
    );
  }

  /** The live file of that name, or else the newest withdrawn one. */
  find(name: string): StoredXmlFile | undefined {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            `${SELECT} WHERE f.name = ? ORDER BY (f.status = 'withdrawn'), f.id DESC LIMIT 1`,
          )
          .get(name) as Row | undefined,
    );
    return r ? toFile(r) : undefined;
  }

  get(name: string): StoredXmlFile {
    const f = this.find(name);
    if (!f) throw new StoreError('NOT_FOUND', `There is no XML file named ${name} in the history.`);
    return f;
  }

  /** Records what happened to a file outside ReturnDesk (sent by other means, HEFCE's answer). */
  mark(
    name: string,
    to: Extract<XmlFileStatus, 'submitted' | 'accepted' | 'rejected'>,
    note?: string,
  ): StoredXmlFile {
    return inTransaction(this.ctx, () => {
      const f = this.get(name);
      if (!canMoveXmlFile(f.status, to))
        throw new StoreError('INVALID_STATE', `${name} is ${f.status}; it cannot become ${to}.`);
      this.setStatus(f.id, to, null);
      this.ctx.audit.append({
        action: `xml_file.${to}`,
        subject: `file:${name}`,
        details: { id: f.id, from: f.status, note: note ?? null },
      });
      return this.load(f.id);
    });
  }

  /** Must run inside the caller's transaction (batch-xml.ts takes the file out of unsent batches). */
  withdrawIn(f: StoredXmlFile, reason: string, removedFrom: number[]): StoredXmlFile {
    if (!canMoveXmlFile(f.status, 'withdrawn'))
      throw new StoreError('INVALID_STATE', `${f.name} is already withdrawn.`);
    this.setStatus(f.id, 'withdrawn', reason);
    this.ctx.audit.append({
      action: 'xml_file.withdrawn',
      subject: `file:${f.name}`,
      details: { id: f.id, from: f.status, reason, removedFromBatches: removedFrom },
    });
    return this.load(f.id);
  }

  load(id: number): StoredXmlFile {
    const r = this.ctx.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as Row | undefined;
    if (!r) throw new StoreError('NOT_FOUND', `There is no XML file ${id}.`);
    return toFile(r);
  }

  private live(providerId: number, name: string): Row | undefined {
    return this.ctx.db
      .prepare(`${SELECT} WHERE f.provider_id = ? AND f.name = ? AND f.status <> 'withdrawn'`)
      .get(providerId, name) as Row | undefined;
  }

  private setStatus(id: number, to: XmlFileStatus, reason: string | null): void {
    this.ctx.db
      .prepare(
        'UPDATE xml_files SET status = ?, withdrawn_reason = ?, status_changed_at = ? WHERE id = ?',
      )
      .run(to, reason, this.ctx.now().toISOString(), id);
  }
}
