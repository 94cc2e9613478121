// The regulator's published file formats, attached to a template. Each import is kept exactly as
// published (the text is re-parsed when used), so a check can always be traced to the
// specification it used; the newest import for a template applies.
import { createHash } from 'node:crypto';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

export interface StoredFileFormat {
  id: number;
  template: string;
  sourceName: string;
  /** The specification's text as imported. */
  specCsv: string;
  sha256: string;
  /** The data file's column names, in order. */
  columns: string[];
  importedAt: string;
}

interface Row {
  id: number;
  template: string;
  source_name: string;
  spec_csv: string;
  sha256: string;
  columns: string;
  imported_at: string;
}

const toFormat = (r: Row): StoredFileFormat => ({
  id: r.id,
  template: r.template,
  sourceName: r.source_name,
  specCsv: r.spec_csv,
  sha256: r.sha256,
  columns: JSON.parse(r.columns) as string[],
  importedAt: r.imported_at,
});

export class FileFormats {
  constructor(private readonly ctx: StoreContext) {}

  /** The caller has parsed the specification; importing the same text again changes nothing. */
  import(input: {
    template: string;
    sourceName: string;
    specCsv: string;
    columns: string[];
  }): StoredFileFormat {
    const template = input.template.trim();
    if (!template) throw new StoreError('INVALID_INPUT', 'Name the template the format is for.');
    const sha256 = createHash('sha256').update(input.specCsv, 'utf8').digest('hex');
    return inTransaction(this.ctx, () => {
      const latest = this.latest(template);
      if (latest?.sha256 === sha256) return latest;
      const r = this.ctx.db
        .prepare(
          `INSERT INTO file_formats (template, source_name, spec_csv, sha256, columns, imported_at)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          template,
          input.sourceName,
          input.specCsv,
          sha256,
          JSON.stringify(input.columns),
          this.ctx.now().toISOString(),
        ) as Row;
      this.ctx.audit.append({
        action: 'file_format.imported',
        subject: `template:${template}`,
        details: { source: input.sourceName, sha256, columns: input.columns.length },
      });
      return toFormat(r);
    });
  }

  /** The format in force for a template (names compare ignoring case), if one was imported. */
  latest(template: string): StoredFileFormat | undefined {
    const r = read(
      this.ctx,
      () =>
        this.ctx.db
          .prepare(
            'SELECT * FROM file_formats WHERE lower(template) = lower(?) ORDER BY id DESC LIMIT 1',
          )
          .get(template.trim()) as Row | undefined,
    );
    return r ? toFormat(r) : undefined;
  }

  /** The format in force for each template. */
  list(): StoredFileFormat[] {
    return read(this.ctx, () =>
      (
        this.ctx.db
          .prepare(
            `SELECT f.* FROM file_formats f
              WHERE f.id = (SELECT g.id FROM file_formats g WHERE lower(g.template) = lower(f.template)
                             ORDER BY g.id DESC LIMIT 1)
              ORDER BY lower(f.template)`,
          )
          .all() as Row[]
      ).map(toFormat),
    );
  }
}
