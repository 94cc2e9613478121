// Compares two MIS extracts on disk or handed over by a door, streamed through the one extract
// reader: each header first (a few kilobytes), then the passes shared/compare describes. Only
// hashes and the records to report are held, so two million-record extracts fit in a few hundred
// megabytes. Each extract's SHA-256 is taken on its first full pass, so the history can say which
// two files a result was computed from.
import { createHash } from 'node:crypto';
import type { DataSet } from '../../shared/amd';
import { CompareError, ExtractComparison, compareColumns } from '../../shared/compare';
import type { ComparedRows, Comparison } from '../../shared/compare';
import { ExtractFormatError, readExtract } from '../../shared/extract';
import type { ByteSource, ExtractSink } from '../../shared/extract';
import type { FileSource } from '../../shared/ipc/source';
import { bytesOf } from './text';

/** An extract a comparison was computed from. */
export interface ComparedExtract {
  name: string;
  sha256: string;
}

export interface ExtractsCompared {
  comparison: Comparison;
  rows: ComparedRows;
  /** Each extract's header as written, for building files from its records. */
  headers: { returned: readonly string[]; corrected: readonly string[] };
  extracts: { returned: ComparedExtract; corrected: ComparedExtract };
}

export interface CompareRequest {
  dataSet: DataSet;
  returned: FileSource;
  corrected: FileSource;
  keys?: readonly string[];
  /**
   * The ILR field each MIS column holds, by its header as written (trimmed): applied to both
   * extracts, as the wizard's column mapping applies to the extract it loaded.
   */
  columns?: Readonly<Record<string, string>>;
}

/**
 * The headers with the user's column mapping applied: unmapped columns keep their own names, and
 * a column mapped to '' (not used) gets a name no field has, so it is neither compared nor written.
 */
function mapped(header: string[], columns?: Readonly<Record<string, string>>): string[] {
  if (!columns) return header;
  return header.map((h) => {
    const code = columns[h.trim()];
    if (code === undefined) return h;
    return code === '' ? `${h.trim()} (not used)` : code;
  });
}

/** Thrown by a sink to stop reading once the header is in. */
class HeaderRead extends Error {
  constructor(readonly header: string[]) {
    super('header read');
  }
}

function nameOf(file: FileSource): string {
  return file.fileName;
}

/** Runs a read, saying which file a fault in its text is in. */
async function reading<T>(file: FileSource, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ExtractFormatError) {
      const problem = e.message.charAt(0).toLowerCase() + e.message.slice(1);
      throw new CompareError(`${nameOf(file)}: ${problem}`);
    }
    throw e;
  }
}

async function headerOf(file: FileSource): Promise<string[]> {
  const sink: ExtractSink = {
    header: (names) => {
      throw new HeaderRead(names);
    },
    records: () => undefined,
  };
  try {
    await reading(file, () => readExtract(bytesOf(file), () => sink));
  } catch (e) {
    if (e instanceof HeaderRead) return e.header;
    throw e;
  }
  return [];
}

/** The file's bytes as read, hashed on the way; a pass read again starts its hash again. */
function hashed(file: FileSource): { open: ByteSource; sha256: () => string } {
  let digest = '';
  const open = bytesOf(file);
  return {
    open: async function* () {
      const hash = createHash('sha256');
      for await (const chunk of open()) {
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest('hex');
    },
    sha256: () => digest,
  };
}

/** A pass over one extract, each batch of records to `records`; `start` on each fresh read. */
function pass(
  file: FileSource,
  open: ByteSource,
  start: () => void,
  records: (rows: string[][]) => void,
): Promise<unknown> {
  return reading(file, () =>
    readExtract(open, () => {
      start();
      return { header: () => undefined, records };
    }),
  );
}

export async function compareExtracts(req: CompareRequest): Promise<ExtractsCompared> {
  const headers = {
    returned: mapped(await headerOf(req.returned), req.columns),
    corrected: mapped(await headerOf(req.corrected), req.columns),
  };
  const columns = compareColumns(req.dataSet, headers.returned, headers.corrected, req.keys);
  const cmp = new ExtractComparison(columns);
  const returned = hashed(req.returned);
  const corrected = hashed(req.corrected);
  await pass(
    req.returned,
    returned.open,
    () => cmp.startReturned(),
    (rows) => cmp.addReturned(rows),
  );
  await pass(
    req.corrected,
    corrected.open,
    () => cmp.startCorrected(),
    (rows) => cmp.addCorrected(rows),
  );
  cmp.match();
  if (cmp.needsReturnedRows())
    await pass(
      req.returned,
      bytesOf(req.returned),
      () => cmp.startReturnedRows(),
      (rows) => cmp.keepReturned(rows),
    );
  const { comparison, rows } = cmp.result();
  return {
    comparison,
    rows,
    headers,
    extracts: {
      returned: { name: nameOf(req.returned), sha256: returned.sha256() },
      corrected: { name: nameOf(req.corrected), sha256: corrected.sha256() },
    },
  };
}
