// What a workbook (.xlsx, a zip archive) holds, read from the archive's central directory alone,
// before anything is decompressed: a crafted workbook of a few megabytes can hold gigabytes of
// sheet XML, and no parser should be given it. The limits sit far above any real action plan
// (HEFCE's template has one sheet and tens of rows) and far below what would exhaust memory.

export const WORKBOOK_LIMITS = {
  /** Everything in the archive, decompressed. */
  uncompressedBytes: 50 * 1024 * 1024,
  sheets: 20,
  /** Rows read from the workbook's sheets, counted as they stream. */
  rows: 10_000,
  /** Files in the archive (a real workbook has a dozen or two). */
  entries: 1_000,
} as const;

export interface WorkbookSummary {
  entries: number;
  /** Null when a size is too large for a plain zip (a zip64 archive, over 4 GB). */
  uncompressedBytes: number | null;
  /** The worksheets' XML, largest first. */
  sheets: { name: string; bytes: number | null }[];
}

/** Reads `length` bytes at `position` of the archive (fewer at its end). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_MIN = 22;
const EOCD_MAX = EOCD_MIN + 0xffff;
const ZIP64 = 0xffffffff;

export class NotAZip extends Error {}

/** The archive's central directory as a summary; NotAZip when it has none that can be read. */
export async function summariseWorkbook(read: ReadAt, size: number): Promise<WorkbookSummary> {
  const tailStart = Math.max(0, size - EOCD_MAX);
  const tail = view(await read(tailStart, size - tailStart));
  let at = -1;
  for (let i = tail.byteLength - EOCD_MIN; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new NotAZip('no zip directory');
  const count = tail.getUint16(at + 10, true);
  const dirSize = tail.getUint32(at + 12, true);
  const dirOffset = tail.getUint32(at + 16, true);
  if (count === 0xffff || dirSize === ZIP64 || dirOffset === ZIP64)
    return { entries: count, uncompressedBytes: null, sheets: [] };
  if (count > WORKBOOK_LIMITS.entries) return { entries: count, uncompressedBytes: 0, sheets: [] };
  if (dirOffset + dirSize > size) throw new NotAZip('zip directory outside the file');
  const dir = await read(dirOffset, dirSize);
  const d = view(dir);
  let total: number | null = 0;
  const sheets: WorkbookSummary['sheets'] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > d.byteLength || d.getUint32(p, true) !== CENTRAL)
      throw new NotAZip('damaged zip directory');
    const raw = d.getUint32(p + 24, true);
    const bytes = raw === ZIP64 ? null : raw;
    const nameLength = d.getUint16(p + 28, true);
    const skip = nameLength + d.getUint16(p + 30, true) + d.getUint16(p + 32, true);
    const name = new TextDecoder().decode(dir.subarray(p + 46, p + 46 + nameLength));
    total = total === null || bytes === null ? null : total + bytes;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) sheets.push({ name, bytes });
    p += 46 + skip;
  }
  sheets.sort((a, b) => (b.bytes ?? Infinity) - (a.bytes ?? Infinity));
  return { entries: count, uncompressedBytes: total, sheets };
}

const mb = (bytes: number | null) =>
  bytes === null ? 'over 4,096 MB' : `${Math.ceil(bytes / 1048576).toLocaleString('en-GB')} MB`;

/** Why the workbook is refused before it is read, in one sentence with the numbers; else undefined. */
export function workbookTooLarge(name: string, s: WorkbookSummary): string | undefined {
  const L = WORKBOOK_LIMITS;
  const over =
    s.entries > L.entries ||
    s.uncompressedBytes === null ||
    s.uncompressedBytes > L.uncompressedBytes ||
    s.sheets.length > L.sheets;
  if (!over) return undefined;
  const largest = s.sheets[0];
  const parts = [
    `${mb(s.uncompressedBytes)} uncompressed (at most ${mb(L.uncompressedBytes)})`,
    `${s.sheets.length} sheet${s.sheets.length === 1 ? '' : 's'} (at most ${L.sheets})`,
    ...(largest ? [`the largest sheet ${mb(largest.bytes)} of XML`] : []),
    ...(s.entries > L.entries ? [`${s.entries} files in the archive (at most ${L.entries})`] : []),
  ];
  return `${name} is far larger than any action plan and was not read: ${parts.join(', ')}; choose the action plan's own workbook.`;
}

/** One sentence for a workbook whose sheets hold more rows than any action plan. */
export function workbookTooManyRows(name: string): string {
  const limit = WORKBOOK_LIMITS.rows.toLocaleString('en-GB');
  return `${name} has more than ${limit} rows, far more than any action plan; reading stopped there.`;
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
