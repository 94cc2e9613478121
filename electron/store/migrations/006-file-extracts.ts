// Version 5: the two MIS extracts a file was computed from, when it was built by comparing the
// data as returned with the corrected data: each by its name and SHA-256, so the file can be
// traced to the very bytes it came from. A table of its own: most files have none.
export const sql = `
CREATE TABLE amendment_file_extracts (
  file_id INTEGER PRIMARY KEY REFERENCES amendment_files (id),
  returned_name TEXT NOT NULL CHECK (length(returned_name) > 0),
  returned_sha256 TEXT NOT NULL CHECK (length(returned_sha256) = 64),
  corrected_name TEXT NOT NULL CHECK (length(corrected_name) > 0),
  corrected_sha256 TEXT NOT NULL CHECK (length(corrected_sha256) = 64)
) STRICT;
`;
