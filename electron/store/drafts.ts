// The new-file wizard's drafts: its state (as the wizard wrote it) and the extracts it loaded,
// one draft per plan row, kept in the private data folder with the rest of the history. Working
// state, not history: saving a draft writes no audit entry, and a draft is simply deleted.
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

/** The extract loaded in the wizard (the corrected data), or the data as returned compared with it. */
export type DraftExtractRole = 'corrected' | 'returned';

export interface DraftExtract {
  dataSet: 'L' | 'A' | 'H';
  role: DraftExtractRole;
  fileName: string;
  bytes: number;
}

export interface DraftSummary {
  key: string;
  label: string;
  savedAt: string;
  extracts: DraftExtract[];
}

export interface Draft extends DraftSummary {
  state: string;
  /** The extracts with their bytes. */
  extracts: (DraftExtract & { content: Buffer })[];
}

interface ExtractRow {
  draft_key: string;
  data_set: 'L' | 'A' | 'H';
  role: DraftExtractRole;
  file_name: string;
  size: number;
}

export class WizardDrafts {
  constructor(private readonly ctx: StoreContext) {}

  list(): DraftSummary[] {
    return read(this.ctx, () => {
      const drafts = this.ctx.db
        .prepare('SELECT key, label, saved_at FROM wizard_drafts ORDER BY saved_at DESC, key')
        .all() as { key: string; label: string; saved_at: string }[];
      const extracts = this.ctx.db
        .prepare(
          'SELECT draft_key, data_set, role, file_name, length(content) AS size FROM wizard_draft_extracts ORDER BY data_set, role',
        )
        .all() as ExtractRow[];
      return drafts.map((d) => ({
        key: d.key,
        label: d.label,
        savedAt: d.saved_at,
        extracts: extracts
          .filter((x) => x.draft_key === d.key)
          .map((x) => ({
            dataSet: x.data_set,
            role: x.role,
            fileName: x.file_name,
            bytes: x.size,
          })),
      }));
    });
  }

  get(key: string): Draft {
    return read(this.ctx, () => {
      const d = this.ctx.db
        .prepare('SELECT key, label, state, saved_at FROM wizard_drafts WHERE key = ?')
        .get(key) as { key: string; label: string; state: string; saved_at: string } | undefined;
      if (!d) throw new StoreError('NOT_FOUND', `There is no draft for ${key}.`);
      const rows = this.ctx.db
        .prepare(
          'SELECT data_set, role, file_name, content FROM wizard_draft_extracts WHERE draft_key = ? ORDER BY data_set, role',
        )
        .all(key) as (Omit<ExtractRow, 'draft_key' | 'size'> & { content: Buffer })[];
      return {
        key: d.key,
        label: d.label,
        savedAt: d.saved_at,
        state: d.state,
        extracts: rows.map((r) => ({
          dataSet: r.data_set,
          role: r.role,
          fileName: r.file_name,
          bytes: r.content.length,
          content: r.content,
        })),
      };
    });
  }

  /**
   * Saves the wizard's state under its key. `from`, the key it was saved under before (the user
   * chose another row), moves that draft's extracts here and removes it.
   */
  save(key: string, label: string, state: string, from?: string): { savedAt: string } {
    return inTransaction(this.ctx, () => {
      const savedAt = this.ctx.now().toISOString();
      if (from !== undefined && from !== key) {
        const moved = this.ctx.db
          .prepare('SELECT 1 FROM wizard_drafts WHERE key = ?')
          .get(from) as unknown;
        if (moved) {
          this.ctx.db.prepare('DELETE FROM wizard_drafts WHERE key = ?').run(key);
          this.ctx.db.prepare('UPDATE wizard_drafts SET key = ? WHERE key = ?').run(key, from);
        }
      }
      this.ctx.db
        .prepare(
          `INSERT INTO wizard_drafts (key, label, state, saved_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET label = excluded.label, state = excluded.state, saved_at = excluded.saved_at`,
        )
        .run(key, label, state, savedAt);
      return { savedAt };
    });
  }

  /**
   * Keeps an extract's bytes with the draft (made, empty, if the wizard has not saved yet), in
   * place of the one kept before for the same data set and role.
   */
  saveExtract(
    key: string,
    label: string,
    dataSet: 'L' | 'A' | 'H',
    fileName: string,
    content: Buffer,
    role: DraftExtractRole = 'corrected',
  ): void {
    inTransaction(this.ctx, () => {
      this.ctx.db
        .prepare(
          `INSERT INTO wizard_drafts (key, label, state, saved_at) VALUES (?, ?, 'null', ?)
           ON CONFLICT (key) DO NOTHING`,
        )
        .run(key, label, this.ctx.now().toISOString());
      this.ctx.db
        .prepare(
          `INSERT INTO wizard_draft_extracts (draft_key, data_set, role, file_name, content) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (draft_key, data_set, role) DO UPDATE SET file_name = excluded.file_name, content = excluded.content`,
        )
        .run(key, dataSet, role, fileName, content);
    });
  }

  /** Deletes the draft and its extracts; false if there was none. */
  discard(key: string): boolean {
    return inTransaction(
      this.ctx,
      () => this.ctx.db.prepare('DELETE FROM wizard_drafts WHERE key = ?').run(key).changes > 0,
    );
  }
}
