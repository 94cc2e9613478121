// Version 1: providers, action plans, stored file contents, amendment files, sequence numbers,
// batches and the audit trail. Append-only: never edit a migration once released; add a new one.
export const sql = `
CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  upin TEXT NOT NULL UNIQUE CHECK (upin GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
  ukprn TEXT CHECK (ukprn IS NULL OR ukprn GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE action_plans (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  year TEXT NOT NULL,
  title TEXT NOT NULL,
  variant TEXT NOT NULL CHECK (variant IN ('general', 'heifes')),
  version INTEGER NOT NULL CHECK (version >= 1),
  revises_id INTEGER REFERENCES action_plans (id),
  revised_by_id INTEGER REFERENCES action_plans (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  status_note TEXT,
  created_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX action_plans_provider ON action_plans (provider_id, year);

CREATE TABLE plan_rows (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plans (id),
  ref INTEGER NOT NULL CHECK (ref >= 1),
  description TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('CHANGE', 'ADD', 'DELETE')),
  fields TEXT NOT NULL,
  records INTEGER NOT NULL CHECK (records >= 0),
  due_date TEXT NOT NULL,
  error_type TEXT,
  cause TEXT,
  UNIQUE (plan_id, ref)
) STRICT;

-- File contents, addressed by SHA-256 and immutable once written.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  content BLOB NOT NULL
) STRICT;
CREATE TRIGGER blobs_immutable_update BEFORE UPDATE ON blobs
BEGIN SELECT RAISE(ABORT, 'stored file contents are immutable'); END;
CREATE TRIGGER blobs_immutable_delete BEFORE DELETE ON blobs
BEGIN SELECT RAISE(ABORT, 'stored file contents are immutable'); END;

-- One row per sequence number handed out. "series" is CHG-L, DEL-A, ... or ADD (additions share
-- one series per provider: all files of an addition set carry the same NN).
CREATE TABLE sequence_numbers (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  series TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99),
  addition_type INTEGER CHECK (addition_type IN (1, 2, 3)),
  plan_row_id INTEGER REFERENCES plan_rows (id),
  allocated_at TEXT NOT NULL,
  released_at TEXT
) STRICT;
-- The last line of defence: two live allocations of one NN cannot exist, whatever the code does.
CREATE UNIQUE INDEX sequence_numbers_live ON sequence_numbers (provider_id, series, seq)
  WHERE released_at IS NULL;

CREATE TABLE amendment_files (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  year TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('CHANGE', 'ADD', 'DELETE')),
  data_set TEXT NOT NULL CHECK (data_set IN ('L', 'A', 'H')),
  addition_type INTEGER CHECK (addition_type IN (1, 2, 3)),
  sequence_id INTEGER REFERENCES sequence_numbers (id),
  seq INTEGER,
  sha256 TEXT NOT NULL REFERENCES blobs (sha256),
  plan_row_id INTEGER REFERENCES plan_rows (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'submitted', 'accepted', 'rejected', 'discarded')),
  records INTEGER NOT NULL,
  checksum_field TEXT NOT NULL,
  checksum TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX amendment_files_live_name ON amendment_files (provider_id, name)
  WHERE status NOT IN ('draft', 'discarded');
CREATE INDEX amendment_files_status ON amendment_files (status, id);
CREATE INDEX amendment_files_provider ON amendment_files (provider_id, id);
CREATE INDEX amendment_files_sequence ON amendment_files (sequence_id);

CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  year TEXT NOT NULL,
  destination TEXT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES action_plans (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed_off', 'uploading', 'uploaded', 'accepted', 'failed')),
  signed_off_by TEXT,
  signed_off_at TEXT,
  created_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX batches_provider ON batches (provider_id, year);

CREATE TABLE batch_files (
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  file_id INTEGER NOT NULL REFERENCES amendment_files (id),
  position INTEGER NOT NULL,
  from_batch_id INTEGER REFERENCES batches (id),
  PRIMARY KEY (batch_id, file_id)
) STRICT;
CREATE UNIQUE INDEX batch_files_position ON batch_files (batch_id, position);
CREATE INDEX batch_files_file ON batch_files (file_id);

-- Append-only and hash-chained: each entry carries the SHA-256 of the one before, so an edit or a
-- deletion anywhere breaks the chain; audit_head records the newest entry, so removing the tail
-- is caught too.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
