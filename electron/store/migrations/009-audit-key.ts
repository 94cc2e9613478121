// Version 5: the keyed audit chain, and receipts that witness it. Each new entry may carry an
// HMAC-SHA-256 over the chain, made with a secret key kept in the credential vault (never here), so
// that someone able to write this file cannot edit an entry and re-hash the chain unnoticed.
// audit_keys names each key the history has used and a check value that tells the right key from a
// wrong one; the key itself is never stored. Entries written before this version keep their plain
// hash chain and verify as before. Each upload records the trail's head when it started (also sent
// to the server), and whether "sent by" names a person or only the computer's account.
export const sql = `
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
ALTER TABLE audit_log ADD COLUMN mac TEXT;
CREATE TABLE audit_keys (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  check_value TEXT NOT NULL CHECK (length(check_value) = 64),
  created_at TEXT NOT NULL
) STRICT;
ALTER TABLE uploads ADD COLUMN audit_entry INTEGER;
ALTER TABLE uploads ADD COLUMN audit_seal TEXT;
ALTER TABLE uploads ADD COLUMN sent_by_person INTEGER NOT NULL DEFAULT 0 CHECK (sent_by_person IN (0, 1));
`;
