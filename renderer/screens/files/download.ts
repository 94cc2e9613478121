// Saving a copy: the bytes go to the browser's download (Electron asks where to save), from
// base64 as main sends files, or from text such as a CSV report.
export { base64ToBytes, reportFileName } from './file-bytes';

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

/** A UTF-8 CSV with a byte-order mark, which Excel needs to read anything beyond ASCII. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(fileName, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}
