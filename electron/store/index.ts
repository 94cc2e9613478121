// The local history: one object that opens the database and hands out the repositories.
// Nothing outside electron/store/ sees SQL.
import { userInfo } from 'node:os';
import type { Clock } from '../../shared/ports';
import { systemClock } from '../../shared/ports';
import { calendarDateIn } from '../../shared/dates';
import { openDatabase } from './database';
import type { OpenedDatabase } from './database';
import { AuditLog } from './audit';
import type { RecordedAuditKey } from './audit';
import { verifyAudit } from './audit-verify';
import type { AuditVerdict, VaultHeldKey } from './audit-verify';
import type { StoreContext } from './context';
import { Providers } from './providers';
import { Plans } from './plans';
import { AmendmentFiles } from './files';
import { Batches } from './batches';
import { BatchOutcomes } from './batch-outcomes';
import { XmlFiles } from './xml-files';
import { Dashboard } from './dashboard';
import { Destinations } from './destinations';
import { Uploads } from './uploads';
import { ContentStore } from './content';
import { Settings } from './settings';
import { DataRequests } from './data-requests';
import { FileFormats } from './file-formats';
import { WizardDrafts } from './drafts';
import { backupTo, dailyBackup, listBackups, manualBackup } from './backup';
import type { BackupFile } from './backup';
import { translateSqliteError } from './errors';
import { seedHistory } from './seed';

export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';
export { resolveDataFolder, defaultDataFolder } from './data-folder';
export type { Destination } from './destinations';
export { inArea } from './destinations';
export type { DestinationArea } from './destination-areas';
export type { Upload, UploadStatus, ServerMessage } from './uploads';
export type { PortalRequest, NewDataRequest } from './data-requests';
export type { StoredFileFormat } from './file-formats';
export type { CheckedXmlFile, XmlFileFacts } from './xml-files';
export type { Draft, DraftSummary, DraftExtract, DraftExtractRole } from './drafts';

export interface StoreOptions {
  clock?: Clock;
  /** Who is acting, for the audit trail; defaults to the operating-system user. */
  user?: string;
}

export class Store {
  readonly providers: Providers;
  readonly plans: Plans;
  readonly files: AmendmentFiles;
  readonly batches: Batches;
  /** After acceptance: HEFCE's updated outputs, then the impact confirmed or not as expected. */
  readonly outcomes: BatchOutcomes;
  /** ILR XML amendment files (2011-12 onwards). */
  readonly xmlFiles: XmlFiles;
  readonly dashboard: Dashboard;
  readonly destinations: Destinations;
  readonly uploads: Uploads;
  readonly content: ContentStore;
  readonly settings: Settings;
  readonly requests: DataRequests;
  readonly formats: FileFormats;
  /** The new-file wizard's drafts. */
  readonly drafts: WizardDrafts;
  readonly audit: AuditLog;
  readonly warnings: string[];
  /** The operating-system account acting (or the one given): the audit trail's "user". */
  readonly account: string;
  private readonly opened: OpenedDatabase;
  private readonly clock: Clock;

  constructor(folder: string, opts: StoreOptions = {}) {
    this.opened = openDatabase(folder);
    this.warnings = this.opened.warnings;
    this.clock = opts.clock ?? systemClock;
    const user = opts.user ?? currentUser();
    this.account = user;
    const now = () => this.clock.now();
    this.audit = new AuditLog(this.opened.db, () => user, now);
    const ctx: StoreContext = {
      db: this.opened.db,
      audit: this.audit,
      now,
      where: this.opened.path,
    };
    this.providers = new Providers(ctx);
    this.plans = new Plans(ctx, this.providers);
    this.files = new AmendmentFiles(ctx);
    this.xmlFiles = new XmlFiles(ctx, this.providers);
    this.batches = new Batches(
      ctx,
      this.providers,
      this.plans,
      this.files,
      this.xmlFiles,
      () => user,
    );
    this.outcomes = new BatchOutcomes(ctx, this.batches, this.plans);
    this.dashboard = new Dashboard(ctx);
    this.destinations = new Destinations(ctx);
    this.uploads = new Uploads(ctx, () => user);
    this.content = new ContentStore(ctx, this.opened.folder);
    // Copies a killed process left half-written (see ContentStore.removeStaleIncoming).
    this.content.removeStaleIncoming();
    this.settings = new Settings(ctx);
    this.requests = new DataRequests(ctx, () => user);
    this.formats = new FileFormats(ctx);
    this.drafts = new WizardDrafts(ctx);
  }

  /** The data folder this history lives in. */
  get folder(): string {
    return this.opened.folder;
  }

  get path(): string {
    return this.opened.path;
  }

  /** `keys`: the audit keys read from the vault, by name (none: every entry as a hash chain). */
  verifyAudit(
    keys: ReadonlyMap<string, Buffer> = new Map(),
    vaultHeld: readonly VaultHeldKey[] = [],
  ): AuditVerdict {
    try {
      return verifyAudit(this.opened.db, keys, this.uploads.witnessedHeads(), vaultHeld);
    } catch (e) {
      throw translateSqliteError(e, this.opened.path);
    }
  }

  /** Names a new audit key as the history's current one (see AuditLog.recordKey). */
  recordAuditKey(key: RecordedAuditKey, replacing: string | undefined): RecordedAuditKey {
    try {
      return this.audit.recordKey(key, replacing);
    } catch (e) {
      throw translateSqliteError(e, this.opened.path);
    }
  }

  async backup(destination: string): Promise<BackupFile> {
    try {
      return await backupTo(this.opened.db, destination);
    } catch (e) {
      throw translateSqliteError(e, destination);
    }
  }

  /** Today's automatic backup, once a day on first use. */
  async dailyBackup(): Promise<string | undefined> {
    const d = calendarDateIn(this.clock.now());
    const today = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    return dailyBackup(this.opened.db, this.opened.folder, today);
  }

  listBackups(): BackupFile[] {
    return listBackups(this.opened.folder);
  }

  async backupNow(): Promise<BackupFile> {
    try {
      return await manualBackup(this.opened.db, this.opened.folder, this.clock.now());
    } catch (e) {
      throw translateSqliteError(e, this.opened.folder);
    }
  }

  /** Benchmark only: fills the history with synthetic files and audit entries in one go. */
  seedForBenchmark(counts: { files: number; auditEntries: number }): void {
    seedHistory(this.opened.db, counts);
  }

  close(): void {
    this.opened.db.close();
  }
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
