// Files cross to main as base64, never as paths (the contract's fileBytes), and come back the same
// way for the user to save: conversions here, and the browser's own download for saving.
import { fail, ok } from '../../shared/ipc/result';
import type { Result } from '../../shared/ipc/result';

/** Chunked, because String.fromCharCode(...bytes) overflows the stack on a large file. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A chosen file the page can no longer read. The page holds only a reference to a chosen file, so
 *  reading it fails if it was moved or changed since, or another program (Excel) has it locked. */
function unreadable(name: string): Result<never> {
  return fail(
    'CANNOT_OPEN',
    `${name} could not be read. If it is open in another program, close it there; if it was moved or changed since you chose it, choose it again.`,
  );
}

type ChosenFile = Blob & { name: string };

/** A chosen file's bytes, or why they could not be read: as a Result, never a rejection, so a
 *  screen that is "Reading…" always hears the outcome and says it. */
async function readBytes(file: ChosenFile): Promise<Result<Uint8Array<ArrayBuffer>>> {
  try {
    return ok(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return unreadable(file.name);
  }
}

export async function fileToBase64(file: ChosenFile): Promise<Result<string>> {
  const read = await readBytes(file);
  return read.ok ? ok(bytesToBase64(read.value)) : read;
}

/** A chosen text file (a CA certificate), decoded as UTF-8. */
export async function fileToText(file: ChosenFile): Promise<Result<string>> {
  try {
    return ok(await file.text());
  } catch {
    return unreadable(file.name);
  }
}

/** Hex SHA-256, as the history and the receipts write it. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A chosen file as the contract carries it, with its SHA-256 to recognise it in the history. */
export async function readChosenFile(
  file: ChosenFile,
): Promise<Result<{ fileName: string; base64: string; sha256: string }>> {
  const read = await readBytes(file);
  if (!read.ok) return read;
  // Only used to recognise the file; without Web Crypto it is simply not recognised.
  const sha256 = await sha256Hex(read.value).catch(() => '');
  return ok({ fileName: file.name, base64: bytesToBase64(read.value), sha256 });
}

/** Several chosen files, or why the first unreadable one could not be read. */
export async function readChosenFiles(
  files: readonly ChosenFile[],
): Promise<Result<{ fileName: string; base64: string; sha256: string }[]>> {
  const out = [];
  for (const file of files) {
    const read = await readChosenFile(file);
    if (!read.ok) return read;
    out.push(read.value);
  }
  return ok(out);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands the bytes to the browser's (or Electron's) download, which asks where to save them. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download may read the address after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadBase64(fileName: string, base64: string, type: string): void {
  downloadBlob(fileName, new Blob([base64ToBytes(base64)], { type }));
}

/** A UTF-8 CSV with a byte-order mark, which Excel needs to read anything beyond ASCII. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}
