// The audit passphrase: where there is no credential vault, the audit key can be derived from a
// passphrase the user chooses (scrypt). The key's random salt is kept beside its check value so the
// same passphrase gives the same key on every start; the passphrase and the key are never stored.
// A key with no salt is one kept in the vault.
export const sql = `
ALTER TABLE audit_keys ADD COLUMN salt TEXT CHECK (salt IS NULL OR length(salt) > 0);
`;
