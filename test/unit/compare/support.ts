// Extracts written as an MIS writes them, and the comparison run over them by the real passes.
import { compareExtracts } from '../../../electron/files/compare';
import type { ExtractsCompared } from '../../../electron/files/compare';
import type { DataSet } from '../../../shared/amd';
import { bytesSource } from '../../../shared/ipc/source';

export interface Table {
  header: string[];
  rows: string[][];
}

const quoted = (v: string) =>
  /[",\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v;

export function csv(t: Table): string {
  return [t.header, ...t.rows].map((r) => r.map(quoted).join(',')).join('\r\n') + '\r\n';
}

export function compareTables(
  dataSet: DataSet,
  returned: Table | string | Uint8Array,
  corrected: Table | string | Uint8Array,
  keys?: string[],
): Promise<ExtractsCompared> {
  const source = (name: string, t: Table | string | Uint8Array) =>
    bytesSource(
      name,
      t instanceof Uint8Array ? t : new TextEncoder().encode(typeof t === 'string' ? t : csv(t)),
    );
  return compareExtracts({
    dataSet,
    returned: source('returned.csv', returned),
    corrected: source('corrected.csv', corrected),
    keys,
  });
}
