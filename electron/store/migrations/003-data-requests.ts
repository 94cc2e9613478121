// Version 3: data portal returns. A data request is one template for one reporting period with
// its opening and due dates; it comes from a portal (portal_id set) or was added here for a portal
// ReturnDesk cannot reach. The portal's own word on its status is kept beside our uploads, so a
// file sent by a colleague on the portal's website still shows. File formats are the regulator's
// published specifications, kept as imported (immutable; the newest for a template applies).
export const sql = `
CREATE TABLE data_requests (
  id INTEGER PRIMARY KEY,
  destination_id INTEGER REFERENCES destinations (id),
  portal_id TEXT CHECK (portal_id IS NULL OR destination_id IS NOT NULL),
  period TEXT NOT NULL CHECK (length(trim(period)) > 0),
  template TEXT NOT NULL CHECK (length(trim(template)) > 0),
  opens TEXT NOT NULL CHECK (opens GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  due TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND due >= opens),
  portal_status TEXT CHECK (portal_status IN ('awaiting', 'pending-verification', 'accepted', 'failed', 'nil-return')),
  portal_messages TEXT NOT NULL DEFAULT '[]',
  portal_file_name TEXT,
  synced_at TEXT,
  nil_return_at TEXT,
  nil_return_by TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (destination_id, portal_id)
) STRICT;
-- One local request per destination, period and template: importing the same schedule twice adds nothing.
CREATE UNIQUE INDEX data_requests_local
  ON data_requests (coalesce(destination_id, 0), lower(period), lower(template)) WHERE portal_id IS NULL;
CREATE INDEX data_requests_due ON data_requests (due, template);

ALTER TABLE uploads ADD COLUMN data_request_id INTEGER REFERENCES data_requests (id);
CREATE INDEX uploads_request ON uploads (data_request_id, id);

CREATE TABLE file_formats (
  id INTEGER PRIMARY KEY,
  template TEXT NOT NULL CHECK (length(trim(template)) > 0),
  source_name TEXT NOT NULL,
  spec_csv TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  columns TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX file_formats_template ON file_formats (lower(template), id);
CREATE TRIGGER file_formats_immutable BEFORE UPDATE ON file_formats
BEGIN
  SELECT RAISE(ABORT, 'file formats are kept as imported');
END;
`;
