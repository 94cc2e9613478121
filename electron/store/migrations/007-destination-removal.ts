// Destinations can be removed, but the history keeps what was sent there: a removed destination's
// row stays (its receipts and data requests still name it), marked with when it was removed, and
// it no longer appears among the destinations to choose from.
export const sql = `
ALTER TABLE destinations ADD COLUMN removed_at TEXT;
`;
