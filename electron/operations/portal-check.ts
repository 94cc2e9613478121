// A data CSV checked against its template's file format, streamed from disk so a large file
// is checked in constant memory; the app's bytes go through a private temporary copy.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store';
import { StoreError } from '../store';
import type { CsvCheckView } from '../../shared/ipc/portal';
import { readFileFormat } from '../files/file-format';
import { checkCsvFile } from '../portal/check-csv';

/** Without a format attached to the template nothing can be checked: `format` is then null. */
export async function checkFileForTemplate(
  store: Store,
  template: string,
  fileName: string,
  path: string,
): Promise<CsvCheckView> {
  const stored = store.formats.latest(template);
  const base = { file: fileName, template, rows: 0, errors: 0, warnings: 0, findings: [] };
  if (!stored) return { ...base, format: null, valid: true };
  const spec = readFileFormat(stored.specCsv);
  // A stored format was checked when it was imported; this only fails if the history was edited.
  if (!spec.ok)
    throw new StoreError('CORRUPT', `The stored file format for ${template} cannot be read.`);
  const report = await checkCsvFile(spec.format, path);
  return {
    ...base,
    format: { sourceName: stored.sourceName, importedAt: stored.importedAt },
    valid: report.valid,
    rows: report.rows,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    findings: report.findings,
  };
}

export async function checkForTemplate(
  store: Store,
  template: string,
  fileName: string,
  bytes: Buffer,
): Promise<CsvCheckView> {
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-check-'));
  try {
    const path = join(dir, 'data.csv');
    await writeFile(path, bytes, { mode: 0o600 });
    return await checkFileForTemplate(store, template, fileName, path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
