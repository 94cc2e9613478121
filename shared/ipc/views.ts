// What the screens see: plain data, never SQL rows, file paths they did not choose, or secrets.
import type { Provider } from '../history/types';

export type { Provider };

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataFolder: string;
  /** Warnings about the data folder (e.g. a network share opened without WAL). */
  warnings: string[];
  vault: { available: boolean; message: string | null };
  /** No provider yet: the first-run screen is shown. */
  firstRun: boolean;
}

export interface DestinationView {
  id: number;
  name: string;
  url: string;
  /** Its first area (the one it was added with); `groupKeyStored`/`ForSession` are that area's. */
  area: string;
  username: string;
  /** Every area the account reaches, the first first; each with its own group key. */
  areas: DestinationAreaView[];
  /** Whether it has a CA certificate of its own (the CLI's `--ca`), trusted for it alone. */
  ca: boolean;
  createdAt: string;
  /** Whether a password is in the vault; the password itself never leaves main. */
  passwordStored: boolean;
  groupKeyStored: boolean;
  /** Whether one was given this session and is held in memory (no vault); forgotten at exit. */
  passwordForSession: boolean;
  groupKeyForSession: boolean;
}

export interface DestinationAreaView {
  name: string;
  groupKeyStored: boolean;
  groupKeyForSession: boolean;
}

/**
 * What a check for verification results did at one destination with uploads pending there:
 * 'checked' when the server was asked, 'cannot-check' (with the reason) when it was not.
 * `message` says it in words every door shows as is.
 */
export interface DestinationCheck {
  destinationId: number;
  destination: string;
  /** Uploads pending verification there before the check. */
  pending: number;
  /** How many of them the server was asked about, and how many now have a result. */
  asked: number;
  results: number;
  outcome: 'checked' | 'cannot-check';
  /** A password is needed (none at hand, or the server refused it): the door asks for one. */
  needsPassword: boolean;
  reason: string | null;
  message: string;
}

export interface SecretOutcome {
  /** False when the vault is unavailable: the app then holds it for this session only. */
  stored: boolean;
  message: string | null;
  /** Held in main's memory until ReturnDesk closes (no vault); never written anywhere. */
  forSession?: boolean;
  /** Why the vault could not keep it, for doors that word their own advice. */
  vaultProblem?: string;
}

export interface BackupView {
  name: string;
  createdAt: string;
  bytes: number;
}

/** What a backup holds, shown before it is restored (read only: it changes nothing). */
export interface BackupContentsView extends BackupView {
  /** The history version (migrations applied) it was made at. */
  version: number;
  providers: number;
  /** Action plans, every version of each. */
  plans: number;
  /** Amendment files and ILR XML files. */
  files: number;
  uploads: number;
  /** When its newest audit entry was written; null when it has none. */
  newestEntryAt: string | null;
  /** It holds the history's tables and no data at all. */
  empty: boolean;
}

/** Entries `from` to `to`, both included. */
export interface AuditRange {
  from: number;
  to: number;
}

/**
 * `keyed`: entries whose keyed seal was checked. `unkeyed`: entries with no seal (written before the
 * history had an audit key, or where the vault could not be reached), checked as a hash chain
 * only. `keyNotAtHand`: sealed entries whose key could not be read, also checked as a hash chain.
 */
export type AuditCheck =
  | {
      ok: true;
      entries: number;
      keyed: number;
      unkeyed: AuditRange[];
      keyNotAtHand: AuditRange[];
    }
  | {
      ok: false;
      entries: number;
      firstBad: { id: number; problem: string };
      /**
       * Set when what fails is entries with no seal after the trail's first sealed one (written
       * without the key, or stripped of their seals): they cannot be proven, not shown changed.
       */
      sealsMissing?: AuditRange[];
    };

/**
 * The audit key this session, for the app's question at start: `ask` when the credential vault
 * cannot be reached and the audit passphrase was neither given nor skipped this session.
 */
export interface AuditKeyState {
  ask: boolean;
  /** Entries written now are sealed (with the vault's key or one derived from the passphrase). */
  sealing: boolean;
  passphrase: 'given' | 'skipped' | 'none';
  /** The history already has a key derived from a passphrase: the same passphrase is needed. */
  passphraseChosen: boolean;
}

/** A check of the trail, and of the head asked about (if any): is it an entry of this chain? */
export type AuditCheckWithHead = AuditCheck & {
  head?: { entry: number; seal: string; inChain: boolean };
};

/**
 * One entry of the audit trail as stored, hash chain included (the names are the table's, as
 * `returndesk audit list --json` has always printed them). `details` is the entry's JSON text.
 */
export interface AuditEntryView {
  id: number;
  at: string;
  user: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
  /** The audit key that sealed the entry, and the seal (HMAC-SHA-256); null before keying. */
  key_id: string | null;
  mac: string | null;
}

export type DashboardTab = 'current' | 'previous';

export type DashboardKind =
  | 'plan-due'
  | 'files-waiting'
  | 'batch-waiting'
  | 'upload-pending'
  | 'needs-action'
  | 'done'
  /** An accepted batch waiting for HEFCE's updated outputs, or for the impact to be confirmed. */
  | 'batch-outcome';

export interface DashboardItem {
  kind: DashboardKind;
  tab: DashboardTab;
  title: string;
  detail: string;
  /** Status wording, e.g. "Due in 6 days", "Upload pending verification". */
  status: string;
  /** YYYY-MM-DD where a date applies. */
  due: string | null;
  /** The screen where the work is done, e.g. "#/settings". */
  link: string;
  tone: 'neutral' | 'warning' | 'danger' | 'success';
}

export interface DashboardView {
  today: string;
  items: DashboardItem[];
}

/**
 * What was sent, where, and what the server said: an upload's receipt. One shape for every door:
 * `upload --json` and `status --json` print it as it is.
 */
export interface ReceiptView {
  id: number;
  /** The file's name as sent. */
  file: string;
  destination: string;
  area: string;
  batchId: number | null;
  bytes: number;
  sha256: string;
  serverSha256: string | null;
  /** The server's id for the upload, once it has one. */
  uploadId: string | null;
  status: 'transferring' | 'pending-verification' | 'accepted' | 'failed';
  messages: { code: string; message: string; line?: number | null }[];
  /** Who sent it: the data officer's name from Settings, or else the computer's account. */
  user: string;
  /** False when `user` is only the operating-system account (no data officer's name was set). */
  userIsPerson: boolean;
  /**
   * The audit trail's newest entry when the upload started (the upload's own entry): its number
   * and seal (or plain hash, where unkeyed). The server was sent the same, and keeps it.
   */
  auditHead: { entry: number; seal: string } | null;
  startedAt: string;
  receivedAt: string | null;
}
