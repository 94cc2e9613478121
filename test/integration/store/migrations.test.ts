// Migrations on real SQLite files: from empty, from every earlier version with data in it, and
// the histories that must be refused and left exactly as they were.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/store/database';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { useHistories } from './support/folders';
import { expectStoreError } from './support/expect';
import { seedFor } from './support/migration-seeds';
import { returndesk, expectOneLineRefusal } from './support/cli';

const histories = useHistories('returndesk-migrate-');
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** A history exactly as a ReturnDesk that knew migrations 1..v left it. */
function buildToVersion(path: string, v: number): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.transaction(() => {
      if (v === 0) return;
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      for (const m of MIGRATIONS.filter((x) => x.version <= v)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(
          m.version,
          m.name,
          sha256(m.sql),
          '2011-03-14T09:00:00.000Z',
        );
        db.pragma(`user_version = ${m.version}`);
      }
    })();
    seedFor(v)(db);
  } finally {
    db.close();
  }
}

type Snapshot = Record<string, Record<string, unknown>[]>;

/** Every row of every table (but the migrations' own), in rowid order. */
function snapshot(db: Db): Snapshot {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as never]),
  );
}

function schemaOf(db: Db): unknown[] {
  return db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
}

function readOnly<T>(path: string, fn: (db: Db) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('are numbered 1, 2, 3... with no gaps, the latest being LATEST_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring an empty data folder to the latest version, recording each migration and its SHA-256', () => {
    const store = histories.open();
    readOnly(store.path, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(
        db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all(),
      ).toEqual(
        MIGRATIONS.map((m) => ({ version: m.version, name: m.name, sha256: sha256(m.sql) })),
      );
    });
    expect(store.verifyAudit()).toEqual({
      ok: true,
      entries: 0,
      keyed: 0,
      unkeyed: [],
      keyNotAtHand: [],
    });
  });

  it('bring a zero-byte history file to the latest version', () => {
    const folder = histories.folder();
    writeFileSync(join(folder, DATABASE_FILE), '');
    const store = histories.open(folder);
    expect(store.providers.list()).toEqual([]);
    readOnly(store.path, (db) =>
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION),
    );
  });

  const earlier = Array.from({ length: LATEST_VERSION }, (_, v) => v);
  it.each(earlier)(
    'bring a history of version %i with data to the latest, keeping every row',
    (v) => {
      const fresh = histories.open();
      const latestSchema = readOnly(fresh.path, schemaOf);
      const folder = histories.folder();
      const path = join(folder, DATABASE_FILE);
      buildToVersion(path, v);
      const before = readOnly(path, snapshot);
      const store = histories.open(folder);
      readOnly(path, (db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        expect(schemaOf(db)).toEqual(latestSchema);
        const after = snapshot(db);
        for (const [table, rows] of Object.entries(before)) {
          const columns = Object.keys(rows[0] ?? {});
          const kept = (after[table] ?? []).map((r) =>
            Object.fromEntries(columns.map((c) => [c, r[c]])),
          );
          expect(kept, `table ${table}`).toEqual(rows);
        }
      });
      expect(store.verifyAudit().ok).toBe(true);
    },
  );

  it('bring a version 4 history with destinations to the latest: each is kept as it was, not removed, and one removed later keeps its receipts readable', () => {
    const folder = histories.folder();
    buildToVersion(join(folder, DATABASE_FILE), 4);
    const store = histories.open(folder);
    expect(store.destinations.list().map((d) => [d.name, d.url, d.area, d.removedAt])).toEqual([
      ['hefce', 'https://extranet.example.ac.uk:8443', 'FAMD General upload area (GUA)', null],
      ['ofqual', 'https://portal.example.org.uk', 'Data Portal', null],
    ]);
    const kept = store.destinations.remove('hefce');
    expect(kept.kept).toBe(true);
    expect(store.destinations.list().map((d) => d.name)).toEqual(['ofqual']);
    expect(store.uploads.list().map((u) => [u.fileName, u.destination, u.area, u.status])).toEqual([
      ['chg012345A01.amd', kept.destination.name, 'FAMD General upload area (GUA)', 'accepted'],
    ]);
    expect(kept.destination.name).toMatch(/^hefce \(removed \d{4}-\d{2}-\d{2}\)$/);
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('bring a history from before destination areas to the latest: each destination is one account with its one area, and each upload keeps the area it went to', () => {
    const folder = histories.folder();
    const before = MIGRATIONS.find((m) => m.name === 'destination-areas');
    expect(before).toBeDefined();
    buildToVersion(join(folder, DATABASE_FILE), (before?.version ?? 1) - 1);
    const store = histories.open(folder);
    expect(
      store.destinations
        .list()
        .map((d) => [d.name, d.area, d.areaFirst, d.areas.map((a) => a.name)]),
    ).toEqual([
      ['hefce', 'FAMD General upload area (GUA)', true, ['FAMD General upload area (GUA)']],
      ['ofqual', 'Data Portal', true, ['Data Portal']],
    ]);
    // The area renamed now: the receipt still says where the file went.
    store.destinations.update('hefce', { area: 'GUA' });
    store.destinations.addArea('hefce', 'ILR amendment upload area');
    expect(store.destinations.get('hefce').areas.map((a) => [a.name, a.first])).toEqual([
      ['GUA', true],
      ['ILR amendment upload area', false],
    ]);
    expect(store.uploads.list().map((u) => [u.fileName, u.area])).toEqual([
      ['chg012345A01.amd', 'FAMD General upload area (GUA)'],
    ]);
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('leave a history of the latest version with data as it was when it is opened again', () => {
    const folder = histories.folder();
    const path = join(folder, DATABASE_FILE);
    buildToVersion(path, LATEST_VERSION);
    const before = readOnly(path, snapshot);
    const store = histories.open(folder);
    expect(store.verifyAudit()).toEqual({
      ok: true,
      entries: 4,
      keyed: 0,
      unkeyed: [{ from: 1, to: 4 }],
      keyNotAtHand: [],
    });
    expect(store.plans.get(1).rows[0]?.description).toBe('Start dates, "A27" corrected: café');
    store.close();
    expect(readOnly(path, snapshot)).toEqual(before);
  });
});

describe('histories that are refused and left untouched', () => {
  function unchangedFolder(folder: string) {
    const files = () =>
      Object.fromEntries(
        readdirSync(folder).map((f) => [f, sha256(readFileSync(join(folder, f)))]),
      );
    const before = files();
    return () => expect(files()).toEqual(before);
  }

  it('refuses a history from a newer ReturnDesk with NEWER_DATABASE and keeps its bytes', async () => {
    const folder = histories.folder();
    const db = new Database(join(folder, DATABASE_FILE));
    db.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('kept')");
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const check = unchangedFolder(folder);
    expectStoreError(
      () => histories.open(folder),
      'NEWER_DATABASE',
      new RegExp(
        `newer ReturnDesk \\(history version ${LATEST_VERSION + 1}; this one understands up to ${LATEST_VERSION}\\)`,
      ),
    );
    check();
    expectOneLineRefusal(await returndesk(folder, ['files', 'list']), 2, /newer ReturnDesk/);
    check();
  });

  it('reports a file that is not SQLite as CORRUPT and never overwrites it', async () => {
    const folder = histories.folder();
    writeFileSync(join(folder, DATABASE_FILE), 'My thesis, chapter 3: not a database at all.\n');
    const check = unchangedFolder(folder);
    expectStoreError(
      () => histories.open(folder),
      'CORRUPT',
      /not a ReturnDesk history.*left untouched; move it away or choose another data folder\.$/,
    );
    check();
    expectOneLineRefusal(
      await returndesk(folder, ['provider', 'list']),
      2,
      /left untouched; move it away or choose another data folder\. Give another data folder with --data-dir\.\n$/,
    );
    check();
  });

  it('reports a damaged SQLite file as CORRUPT and leaves it as it was', () => {
    const folder = histories.folder();
    const junk = Buffer.alloc(8192, 0xa5);
    junk.write('SQLite format 3\0', 0, 'latin1');
    writeFileSync(join(folder, DATABASE_FILE), junk);
    const check = unchangedFolder(folder);
    expectStoreError(() => histories.open(folder), 'CORRUPT', /left untouched/);
    check();
  });

  it('refuses a history whose applied migration was edited', () => {
    const folder = histories.folder();
    histories.open(folder).close();
    const db = new Database(join(folder, DATABASE_FILE));
    db.prepare('UPDATE schema_migrations SET sha256 = ? WHERE version = 1').run('0'.repeat(64));
    db.close();
    expectStoreError(() => histories.open(folder), 'CORRUPT', /Migration 1 \(initial\) differs/);
  });
});
