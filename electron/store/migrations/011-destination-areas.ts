// One destination is one account (address, user name, password, CA) with one or more upload areas,
// each with its own group key (in the vault). Every existing destination becomes an account with
// one area, the one it had; `first` marks that area, whose group key keeps its vault entry. Each
// upload records the area it went to, filled from its destination's area for earlier uploads.
// destinations.area stays (it is NOT NULL) and names the area the destination was added with.
export const sql = `
CREATE TABLE destination_areas (
  id INTEGER PRIMARY KEY,
  destination_id INTEGER NOT NULL REFERENCES destinations (id),
  name TEXT NOT NULL,
  first INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (destination_id, name)
);
INSERT INTO destination_areas (destination_id, name, first, created_at)
  SELECT id, area, 1, created_at FROM destinations;
ALTER TABLE uploads ADD COLUMN area TEXT;
UPDATE uploads SET area = (SELECT d.area FROM destinations d WHERE d.id = uploads.destination_id);
`;
