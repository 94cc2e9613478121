// Version 4: ILR XML amendment files (2011-12 onwards). They cannot meet amendment_files' checks
// (no kind, no data set, no checksum field), so they have their own table, and their own batch
// membership. A batch of XML files must re-send every earlier submitted file of its provider and
// year; an override records why one may be left out. Uploads link to the XML file they sent.
export const sql = `
CREATE TABLE xml_files (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES providers (id),
  year TEXT NOT NULL CHECK (year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  name TEXT NOT NULL CHECK (length(name) > 0),
  ukprn TEXT NOT NULL CHECK (ukprn GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  transmission_type TEXT NOT NULL CHECK (transmission_type IN ('A', 'B')),
  serial_no TEXT NOT NULL CHECK (serial_no GLOB '[0-9][0-9]' AND serial_no <> '00'),
  sha256 TEXT NOT NULL REFERENCES stored_content (sha256),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  learners INTEGER NOT NULL CHECK (learners >= 0),
  deliveries INTEGER NOT NULL CHECK (deliveries >= 0),
  prepared_on TEXT,
  warnings INTEGER NOT NULL CHECK (warnings >= 0),
  status TEXT NOT NULL CHECK (status IN ('final', 'submitted', 'accepted', 'rejected', 'withdrawn')),
  withdrawn_reason TEXT CHECK ((status = 'withdrawn') = (withdrawn_reason IS NOT NULL AND length(trim(withdrawn_reason)) > 0)),
  created_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
) STRICT;
-- A name is used once per provider; a withdrawn file gives its name up.
CREATE UNIQUE INDEX xml_files_live_name ON xml_files (provider_id, name) WHERE status <> 'withdrawn';
CREATE INDEX xml_files_provider ON xml_files (provider_id, year, status);

CREATE TABLE batch_xml_files (
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  xml_file_id INTEGER NOT NULL REFERENCES xml_files (id),
  position INTEGER NOT NULL,
  carried_over INTEGER NOT NULL CHECK (carried_over IN (0, 1)),
  from_batch_id INTEGER REFERENCES batches (id),
  PRIMARY KEY (batch_id, xml_file_id)
) STRICT;
CREATE UNIQUE INDEX batch_xml_files_position ON batch_xml_files (batch_id, position);
CREATE INDEX batch_xml_files_file ON batch_xml_files (xml_file_id);

-- Append-only: the newest override of a batch is the one in force; each is also in the audit trail.
CREATE TABLE batch_overrides (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  missing TEXT NOT NULL,
  user TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX batch_overrides_batch ON batch_overrides (batch_id, id);
CREATE TRIGGER batch_overrides_no_update BEFORE UPDATE ON batch_overrides
BEGIN SELECT RAISE(ABORT, 'an override is kept as given'); END;
CREATE TRIGGER batch_overrides_no_delete BEFORE DELETE ON batch_overrides
BEGIN SELECT RAISE(ABORT, 'an override is kept as given'); END;

ALTER TABLE uploads ADD COLUMN xml_file_id INTEGER REFERENCES xml_files (id);
CREATE INDEX uploads_xml_file ON uploads (xml_file_id);
`;
