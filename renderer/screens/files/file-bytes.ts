// Bytes and names for saving files: main sends file contents as base64.

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "chg105432A01.amd" → "chg105432A01-findings.csv". */
export function reportFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-findings.csv`;
}
