// A data CSV checked against a file format: its template's (imported into the history) or a
// specification handed over with it. The data is streamed from its source through the watched
// check worker (electron/portal/check-csv.ts), so a large file is checked in constant memory
// whichever door it came through. Loaded by itself for `portal.checkFile` (domains.ts): nothing
// here loads the history, the vault or the network.
import type { Store } from '../store';
import { StoreError } from '../store/errors';
import type { CsvCheckView } from '../../shared/ipc/portal';
import type { FileBytes } from '../../shared/ipc/common';
import type { FileSource } from '../../shared/ipc/source';
import type { CsvReport } from '../../shared/portal/csv-check';
import type { FileFormat } from '../../shared/portal/file-format';
import { readFileFormat } from '../files/file-format';
import { importInWorker, ImportRefused } from '../files/import/run';
import { checkCsvFile } from '../portal/check-csv';
import { sourceOf } from './source';
import type { OperationTableOf } from './table';

/** A specification file the user chose: its text and what it says, or INVALID_INPUT saying why not. */
export async function readSpecification(
  file: FileBytes,
): Promise<{ text: string; format: FileFormat }> {
  let read;
  try {
    // Parsed in the import worker, as every untrusted file read whole.
    read = await importInWorker('file-format', sourceOf(file));
  } catch (e) {
    if (e instanceof ImportRefused) throw new StoreError('INVALID_INPUT', e.message);
    throw e;
  }
  const { text, spec } = read;
  if (!spec.ok)
    throw new StoreError(
      'INVALID_INPUT',
      `${file.fileName} cannot be used as a file format: ${spec.problems.join(' ')}`,
    );
  return { text, format: spec.format };
}

function counted(report: CsvReport) {
  return {
    valid: report.valid,
    rows: report.rows,
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    findings: report.findings,
  };
}

/** Without a format attached to the template nothing can be checked: `format` is then null. */
export async function checkForTemplate(
  store: Store,
  template: string,
  data: FileSource,
): Promise<CsvCheckView> {
  const stored = store.formats.latest(template);
  const base = { file: data.fileName, template };
  if (!stored)
    return { ...base, format: null, valid: true, rows: 0, errors: 0, warnings: 0, findings: [] };
  const spec = readFileFormat(stored.specCsv);
  // A stored format was checked when it was imported; this only fails if the history was edited.
  if (!spec.ok)
    throw new StoreError('CORRUPT', `The stored file format for ${template} cannot be read.`);
  return {
    ...base,
    format: { sourceName: stored.sourceName, importedAt: stored.importedAt },
    ...counted(await checkCsvFile(spec.format, data)),
  };
}

export function portalCheckOperations(): OperationTableOf<'portal.checkFile'> {
  return {
    'portal.checkFile': async ({ format, file, timeLimit }) => {
      const spec = await readSpecification(format);
      const report = await checkCsvFile(spec.format, sourceOf(file), {
        checkTimeLimitMs: timeLimit * 1000,
      });
      return { file: file.fileName, format: format.fileName, ...counted(report) };
    },
  };
}
