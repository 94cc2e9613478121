// Tampering with the audit trail directly in the SQLite file, as someone holding the file would
// (dropping the append-only triggers first), is detected by verifyAudit and `returndesk audit verify`.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/store/audit';
import type { AuditEntry } from '../../../electron/store/audit';
import { useHistories } from './support/folders';
import { CHANGE_A, finalise, providerWithPlan } from './support/history';
import { json, returndesk } from './support/cli';

const histories = useHistories('returndesk-tamper-');

/** A history with ten audit entries; returns its folder, closed. */
function history(): string {
  const folder = histories.folder();
  const store = histories.open(folder);
  const plan = providerWithPlan(store); // provider, plan, 3 rows, submitted, approved: 7 entries
  for (let i = 0; i < 3; i++) finalise(store, plan, CHANGE_A);
  expect(store.verifyAudit()).toEqual(HASH_ONLY_10);
  store.close();
  return folder;
}

/** A history written without an audit key: hash-chained only, never called intact. */
const HASH_ONLY_10 = {
  ok: true,
  entries: 10,
  keyed: 0,
  unkeyed: [{ from: 1, to: 10 }],
  keyNotAtHand: [],
};

function tamper(folder: string, fn: (db: Db) => void): void {
  const db = new Database(`${folder}/returndesk.db`);
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    fn(db);
  } finally {
    db.close();
  }
}

interface Verdict {
  ok: boolean;
  entries: number;
  firstBad?: { id: number; problem: string };
}

async function expectDetected(folder: string, firstBad: number, problem: RegExp) {
  const store = histories.open(folder);
  const verdict = store.verifyAudit();
  expect(verdict).toMatchObject({ ok: false, firstBad: { id: firstBad } });
  if (!verdict.ok) expect(verdict.firstBad.problem).toMatch(problem);
  store.close();

  const r = await returndesk(folder, ['audit', 'verify']);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/^ {4}at /m);
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stdout).toMatch(
    new RegExp(`tampered with: .*\\. The first bad entry is ${firstBad}\\.$`, 'm'),
  );
  const asJson = await returndesk(folder, ['audit', 'verify', '--json']);
  expect(asJson.code).toBe(1);
  expect(JSON.parse(asJson.stdout) as Verdict).toMatchObject({
    ok: false,
    firstBad: { id: firstBad },
  });
}

describe('a tampered audit trail', () => {
  it('passes `audit verify` with exit 0 while untouched, saying it is hash-chained only', async () => {
    const folder = history();
    expect(await json(folder, ['audit', 'verify'])).toEqual(HASH_ONLY_10);
    const r = await returndesk(folder, ['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No entry of the 10 entries was found changed or removed/);
    expect(r.stdout).toMatch(/entries 1 to 10 are hash-chained but not keyed/);
    expect(r.stdout).not.toMatch(/intact/);
  });

  it('is detected when an entry is edited', async () => {
    const folder = history();
    tamper(folder, (db) =>
      db.prepare("UPDATE audit_log SET user = 'someone.else' WHERE id = 5").run(),
    );
    await expectDetected(folder, 5, /entry 5 was changed after it was written/);
  });

  it('is detected at the next entry when an edited entry has its own hash recomputed', async () => {
    const folder = history();
    tamper(folder, (db) => {
      const e = db.prepare('SELECT * FROM audit_log WHERE id = 7').get() as AuditEntry;
      const forged = { ...e, details: '{"seq":1,"records":999}' };
      db.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE id = 7').run(
        forged.details,
        entryHash(forged),
      );
    });
    await expectDetected(folder, 8, /entry 8 does not link to entry 7/);
  });

  it('is detected when an entry in the middle is deleted', async () => {
    const folder = history();
    tamper(folder, (db) => db.prepare('DELETE FROM audit_log WHERE id = 4').run());
    await expectDetected(folder, 4, /entry 4 is missing/);
  });

  it('is detected when the last entry is deleted', async () => {
    const folder = history();
    tamper(folder, (db) => db.prepare('DELETE FROM audit_log WHERE id = 10').run());
    await expectDetected(folder, 10, /removed from the end/);
  });
});
