// Version 5 (numbered at merge): the new-file wizard's drafts, one per action plan row, so the
// work survives a reload or a restart. The extract's bytes are kept beside the draft, not in the
// content store: they may hold learners' personal data, and go with the draft when it is
// discarded or the file finalised.
export const sql = `
CREATE TABLE wizard_drafts (
  key TEXT PRIMARY KEY CHECK (length(key) > 0),
  label TEXT NOT NULL,
  state TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;

CREATE TABLE wizard_draft_extracts (
  draft_key TEXT NOT NULL REFERENCES wizard_drafts (key) ON DELETE CASCADE ON UPDATE CASCADE,
  data_set TEXT NOT NULL CHECK (data_set IN ('L', 'A', 'H')),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  content BLOB NOT NULL,
  PRIMARY KEY (draft_key, data_set)
) STRICT;
`;
