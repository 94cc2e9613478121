// Plan steps with their evidence, and what happened after HEFCE accepted a batch.
// plan_steps: each submit, approve or return as the user recorded it: the day it happened (not the
// day it was typed in), a note, and an optional e-mail or letter kept in the content store by its
// SHA-256. An undone step is kept, marked undone, so the history shows what was corrected.
// batch_outcomes: the guide's loop after acceptance: HEFCE's updated outputs are available, then
// the college confirms the impact or finds it was not as expected (which starts a revised plan).
// Both are append-only apart from marking a step undone.
export const sql = `
CREATE TABLE plan_steps (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES action_plans (id),
  action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return')),
  from_status TEXT NOT NULL CHECK (from_status IN ('draft', 'submitted')),
  to_status TEXT NOT NULL CHECK (to_status IN ('submitted', 'approved', 'returned')),
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note TEXT,
  evidence_name TEXT,
  evidence_sha256 TEXT REFERENCES stored_content (sha256),
  evidence_bytes INTEGER,
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT,
  CHECK ((evidence_name IS NULL) = (evidence_sha256 IS NULL))
) STRICT;
CREATE INDEX plan_steps_plan ON plan_steps (plan_id, id);
CREATE TRIGGER plan_steps_no_delete BEFORE DELETE ON plan_steps
BEGIN SELECT RAISE(ABORT, 'a plan step is kept; undoing it marks it undone'); END;
CREATE TRIGGER plan_steps_only_undo BEFORE UPDATE ON plan_steps
WHEN OLD.undone_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.plan_id IS NOT OLD.plan_id
  OR NEW.action IS NOT OLD.action OR NEW.on_date IS NOT OLD.on_date OR NEW.note IS NOT OLD.note
  OR NEW.evidence_sha256 IS NOT OLD.evidence_sha256 OR NEW.at IS NOT OLD.at
BEGIN SELECT RAISE(ABORT, 'a plan step is kept as recorded; it can only be marked undone'); END;

CREATE TABLE batch_outcomes (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches (id),
  step TEXT NOT NULL CHECK (step IN ('outputs', 'confirmed', 'not_as_expected')),
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  by TEXT,
  note TEXT,
  revised_plan_id INTEGER REFERENCES action_plans (id),
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  CHECK (step <> 'confirmed' OR length(trim(coalesce(by, ''))) > 0),
  CHECK (step <> 'not_as_expected' OR (length(trim(coalesce(note, ''))) > 0 AND revised_plan_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX batch_outcomes_step ON batch_outcomes (batch_id, step);
CREATE TRIGGER batch_outcomes_no_update BEFORE UPDATE ON batch_outcomes
BEGIN SELECT RAISE(ABORT, 'an outcome is kept as recorded'); END;
CREATE TRIGGER batch_outcomes_no_delete BEFORE DELETE ON batch_outcomes
BEGIN SELECT RAISE(ABORT, 'an outcome is kept as recorded'); END;
`;
