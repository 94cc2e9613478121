// Version 2: destinations (where files are uploaded), content copied in from disk, and uploads
// with their receipts. Passwords and group keys are never here: they live in the vault.
export const sql = `
CREATE TABLE destinations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  url TEXT NOT NULL,
  area TEXT NOT NULL,
  username TEXT NOT NULL,
  ca_pem TEXT,
  created_at TEXT NOT NULL
) STRICT;

-- Files uploaded from disk are copied into the data folder, named by their SHA-256, so what was
-- sent can always be shown later without holding a large file inside the database.
CREATE TABLE stored_content (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;

CREATE TABLE uploads (
  id INTEGER PRIMARY KEY,
  destination_id INTEGER NOT NULL REFERENCES destinations (id),
  batch_id INTEGER REFERENCES batches (id),
  file_id INTEGER REFERENCES amendment_files (id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  upload_url TEXT,
  server_upload_id TEXT,
  server_sha256 TEXT,
  status TEXT NOT NULL CHECK (status IN ('transferring', 'pending-verification', 'accepted', 'failed')),
  messages TEXT NOT NULL DEFAULT '[]',
  user TEXT NOT NULL,
  started_at TEXT NOT NULL,
  received_at TEXT,
  status_changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX uploads_status ON uploads (status, id);
CREATE INDEX uploads_batch ON uploads (batch_id);
CREATE INDEX uploads_file ON uploads (file_id);
`;
