// Data written the way each released version of the history holds it, for the migration tests:
// raw SQL with named columns, as the data sat on a user's disk. A version without its own seed
// gets the newest earlier one (its tables are still there); add SEEDS[N] when version N holds
// data the earlier seeds cannot show, or when a migration changes a table they write.
import { createHash } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { GENESIS_HASH, entryHash } from '../../../../electron/store/audit';

export type Seed = (db: Db) => void;

const AT = '2011-03-14T09:00:00.000Z';

function auditEntries(db: Db, entries: [action: string, subject: string, details: object][]) {
  let prev = GENESIS_HASH;
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, user, action, subject, details, prev_hash, hash) VALUES (@id, @at, @user, @action, @subject, @details, @prev_hash, @hash)',
  );
  entries.forEach(([action, subject, details], i) => {
    const base = {
      id: i + 1,
      at: AT,
      user: 'jo.bloggs',
      action,
      subject,
      details: JSON.stringify(details),
      prev_hash: prev,
    };
    prev = entryHash(base);
    insert.run({ ...base, hash: prev });
  });
  db.prepare('INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?)').run(
    entries.length,
    prev,
  );
}

/** The data for a history of version v: its own seed, or the newest earlier one. */
export function seedFor(v: number): Seed {
  for (let k = v; k >= 0; k--) {
    const seed = SEEDS[k];
    if (seed) return seed;
  }
  throw new Error(`no seed for version ${v}`);
}

export const SEEDS: Readonly<Record<number, Seed>> = {
  // Version 0 has no tables: a history created by a ReturnDesk that stopped before migrating.
  0: () => {},
  1: (db) => {
    const content = Buffer.from('chg012345A01\r\n14032011\r\nCorrections\r\n', 'latin1');
    const sha = createHash('sha256').update(content).digest('hex');
    db.exec(`
      INSERT INTO providers (id, upin, ukprn, name, created_at)
        VALUES (1, '012345', '10007928', 'Riverside College', '${AT}');
      INSERT INTO action_plans (id, provider_id, year, title, variant, version, revises_id,
          revised_by_id, status, status_note, created_at, status_changed_at)
        VALUES (1, 1, '2010-11', 'R14 corrections', 'heifes', 1, NULL, NULL, 'approved', 'ok', '${AT}', '${AT}');
      INSERT INTO plan_rows (id, plan_id, ref, description, kind, fields, records, due_date, error_type, cause)
        VALUES (1, 1, 1, 'Start dates, "A27" corrected: café', 'CHANGE', 'A27, A28', 3, '2011-03-31', 'Keying', 'Typing'),
               (2, 1, 2, 'Duplicates removed', 'DELETE', 'All fields', 2, '2011-04-01', NULL, NULL);
      INSERT INTO sequence_numbers (id, provider_id, series, seq, addition_type, plan_row_id, allocated_at, released_at)
        VALUES (1, 1, 'CHG-A', 1, NULL, 1, '${AT}', NULL), (2, 1, 'CHG-A', 2, NULL, 1, '${AT}', '${AT}');
      INSERT INTO batches (id, provider_id, year, destination, plan_id, status, signed_off_by,
          signed_off_at, created_at, status_changed_at)
        VALUES (1, 1, '2010-11', 'FAMD General upload area (GUA)', 1, 'signed_off', 'Jo Bloggs', '${AT}', '${AT}', '${AT}');
      INSERT INTO settings (key, value) VALUES ('theme', 'dark');
    `);
    db.prepare('INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?)').run(
      sha,
      content.length,
      content,
    );
    db.prepare(
      `INSERT INTO amendment_files (id, provider_id, year, name, kind, data_set, addition_type,
          sequence_id, seq, sha256, plan_row_id, status, records, checksum_field, checksum,
          created_at, status_changed_at)
        VALUES (1, 1, '2010-11', 'chg012345A01.amd', 'CHANGE', 'A', NULL, 1, 1, ?, 1, 'submitted', 3, 'A05', '4', '${AT}', '${AT}')`,
    ).run(sha);
    db.exec(
      'INSERT INTO batch_files (batch_id, file_id, position, from_batch_id) VALUES (1, 1, 1, NULL)',
    );
    auditEntries(db, [
      ['provider.added', 'provider:012345', { name: 'Riverside College' }],
      ['plan.created', 'plan:1', {}],
      ['file.finalised', 'file:chg012345A01.amd', { seq: 1, sha256: sha }],
      ['batch.signed_off', 'batch:1', { by: 'Jo Bloggs' }],
    ]);
  }, // Version 4 with destinations and uploads to them (migration destination-removal adds to them).
  4: (db) => {
    SEEDS[1]?.(db);
    const sha = (
      db.prepare('SELECT sha256 FROM amendment_files WHERE id = 1').get() as {
        sha256: string;
      }
    ).sha256;
    db.exec(`
      INSERT INTO destinations (id, name, url, area, username, ca_pem, created_at)
        VALUES (1, 'hefce', 'https://extranet.example.ac.uk:8443', 'FAMD General upload area (GUA)', 'jo.bloggs', NULL, '${AT}'),
               (2, 'ofqual', 'https://portal.example.org.uk', 'Data Portal', 'jo.bloggs', NULL, '${AT}');
    `);
    db.prepare(
      `INSERT INTO uploads (id, destination_id, batch_id, file_id, file_name, sha256, bytes,
          upload_url, server_upload_id, server_sha256, status, messages, user, started_at,
          received_at, status_changed_at)
        VALUES (1, 1, 1, 1, 'chg012345A01.amd', ?, 40, 'https://extranet.example.ac.uk:8443/files/u1',
          'u1', ?, 'accepted', '[]', 'jo.bloggs', '${AT}', '${AT}', '${AT}')`,
    ).run(sha, sha);
  },
};
