// Version 12 (numbered at merge): a wizard draft keeps, beside each corrected extract it loaded,
// the data as returned it was compared with, so a reload or a restart can compare them again.
// SQLite cannot change a primary key, so the extracts' table is made again with a role column;
// every extract kept before is a corrected one (drafts did not keep the data as returned).
export const sql = `
CREATE TABLE wizard_draft_extracts_by_role (
  draft_key TEXT NOT NULL REFERENCES wizard_drafts (key) ON DELETE CASCADE ON UPDATE CASCADE,
  data_set TEXT NOT NULL CHECK (data_set IN ('L', 'A', 'H')),
  role TEXT NOT NULL DEFAULT 'corrected' CHECK (role IN ('corrected', 'returned')),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  content BLOB NOT NULL,
  PRIMARY KEY (draft_key, data_set, role)
) STRICT;
INSERT INTO wizard_draft_extracts_by_role (draft_key, data_set, role, file_name, content)
  SELECT draft_key, data_set, 'corrected', file_name, content FROM wizard_draft_extracts ORDER BY rowid;
DROP TABLE wizard_draft_extracts;
ALTER TABLE wizard_draft_extracts_by_role RENAME TO wizard_draft_extracts;
`;
