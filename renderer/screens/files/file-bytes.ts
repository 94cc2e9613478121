// Bytes and names for saving files: main sends file contents as base64.

/** "chg105432A01.amd" → "chg105432A01-findings.csv". */
export function reportFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-findings.csv`;
}
