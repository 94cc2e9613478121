// A wizard draft keeps the data as returned beside the corrected extract it was compared with, so
// continuing the draft can compare the two again; discarding the draft removes both; and a draft
// kept before drafts held the data as returned still loads, its extract the corrected one.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { useApp } from './support/app';
import { useHistories } from './support/folders';

const histories = useHistories('returndesk-draft-returned-');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (s: string) => Buffer.from(s, 'base64').toString();

const CORRECTED = 'A01,A03,A05,A27\r\n105432,000012345678,01,15092010\r\n';
const RETURNED = 'A01,A03,A05,A27\r\n105432,000012345678,01,01092010\r\n';
const STATE = JSON.stringify({ step: 3 });
const draft = { key: '1:1', label: 'Plan 1, row 1' };

describe('a wizard draft compared with the data as returned', () => {
  const app = useApp(() => histories.folder());

  it('keeps both extracts, each in its role, and gives both back', async () => {
    const { ok } = app();
    await ok('files.saveDraftExtract', {
      ...draft,
      dataSet: 'A',
      fileName: 'corrected.csv',
      base64: b64(CORRECTED),
    });
    await ok('files.saveDraftExtract', {
      ...draft,
      dataSet: 'A',
      role: 'returned',
      fileName: 'first-returned.csv',
      base64: b64('A01\r\n'),
    });
    // Compared again with another file: it takes the place of the first, the corrected one stays.
    await ok('files.saveDraftExtract', {
      ...draft,
      dataSet: 'A',
      role: 'returned',
      fileName: 'returned.csv',
      base64: b64(RETURNED),
    });
    await ok('files.saveDraft', { ...draft, state: STATE });

    const [summary] = await ok('files.drafts', {});
    expect(summary?.extracts).toEqual([
      { dataSet: 'A', role: 'corrected', fileName: 'corrected.csv', bytes: CORRECTED.length },
      { dataSet: 'A', role: 'returned', fileName: 'returned.csv', bytes: RETURNED.length },
    ]);
    const kept = await ok('files.draft', { key: draft.key });
    expect(kept.state).toBe(STATE);
    expect(kept.extracts.map((x) => [x.role, x.fileName, text(x.base64)])).toEqual([
      ['corrected', 'corrected.csv', CORRECTED],
      ['returned', 'returned.csv', RETURNED],
    ]);
  });

  it('removes both extracts when the draft is discarded', async () => {
    const { ok } = app();
    for (const role of ['corrected', 'returned'] as const)
      await ok('files.saveDraftExtract', {
        ...draft,
        dataSet: 'L',
        role,
        fileName: `${role}.csv`,
        base64: b64('L01\r\n105432\r\n'),
      });
    expect((await ok('files.drafts', {}))[0]?.extracts).toHaveLength(2);
    expect(await ok('files.discardDraft', { key: draft.key })).toEqual({ discarded: true });
    // A draft for the same row afterwards starts with nothing kept.
    await ok('files.saveDraft', { ...draft, state: STATE });
    expect((await ok('files.draft', { key: draft.key })).extracts).toEqual([]);
  });

  it('refuses an extract role it does not know, saying which there are', async () => {
    const { call } = app();
    const r = await call('files.saveDraftExtract', {
      ...draft,
      dataSet: 'A',
      role: 'original',
      fileName: 'x.csv',
      base64: b64(CORRECTED),
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('the corrected one or the data as returned'),
      },
    });
  });
});

describe('a draft kept before drafts held the data as returned', () => {
  // The folder is made in the test, which writes the old history there before the app opens it.
  let folder = '';
  const app = useApp(() => folder);

  it('still loads after the history is brought up to date, its extract the corrected one', async () => {
    const before = MIGRATIONS.find((m) => m.name === 'draft-returned-extracts');
    expect(before).toBeDefined();
    folder = histories.folder();
    const db = new Database(join(folder, DATABASE_FILE));
    db.transaction(() => {
      db.exec(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      for (const m of MIGRATIONS.filter((x) => x.version < (before?.version ?? 1))) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(
          m.version,
          m.name,
          createHash('sha256').update(m.sql).digest('hex'),
          '2011-03-14T09:00:00.000Z',
        );
        db.pragma(`user_version = ${m.version}`);
      }
      db.prepare(
        "INSERT INTO wizard_drafts (key, label, state, saved_at) VALUES (?, ?, ?, '2011-03-14T09:00:00.000Z')",
      ).run(draft.key, draft.label, STATE);
      db.prepare(
        'INSERT INTO wizard_draft_extracts (draft_key, data_set, file_name, content) VALUES (?, ?, ?, ?)',
      ).run(draft.key, 'A', 'aims.csv', Buffer.from(CORRECTED));
    })();
    db.close();

    const { ok } = app();
    expect((await ok('files.drafts', {}))[0]).toMatchObject({
      key: draft.key,
      extracts: [{ dataSet: 'A', role: 'corrected', fileName: 'aims.csv' }],
    });
    const kept = await ok('files.draft', { key: draft.key });
    expect(kept.state).toBe(STATE);
    expect(kept.extracts.map((x) => [x.role, x.fileName, text(x.base64)])).toEqual([
      ['corrected', 'aims.csv', CORRECTED],
    ]);
  });
});
