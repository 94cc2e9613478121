// The extract workers of one wizard, one per data set, kept in the drafts with the wizard's state:
// the loaded extract lives as long as the choices made about it.
import type { DataSet } from '../../../../shared/amd';
import { startExtractWorker } from './clients';
import type { ExtractWorker } from './clients';

/** Which extract of a part: the one loaded (the corrected data), or the data as returned. */
export type ExtractRole = 'corrected' | 'returned';

export class ExtractWorkers {
  private readonly held = new Map<DataSet, ExtractWorker>();
  // The files themselves, for the operations that read them again (compare, finalise).
  private readonly files = new Map<`${DataSet}:${ExtractRole}`, File>();

  keepFile(d: DataSet, role: ExtractRole, file: File | null): void {
    if (file) this.files.set(`${d}:${role}`, file);
    else this.files.delete(`${d}:${role}`);
  }

  fileOf(d: DataSet, role: ExtractRole): File | undefined {
    return this.files.get(`${d}:${role}`);
  }

  get(d: DataSet): ExtractWorker | undefined {
    return this.held.get(d);
  }

  /** A fresh worker for a new extract; the old one, and its extract, are let go. */
  start(d: DataSet): ExtractWorker {
    this.stop(d);
    const w = startExtractWorker();
    this.held.set(d, w);
    return w;
  }

  stop(d: DataSet): void {
    this.held.get(d)?.stop();
    this.held.delete(d);
    this.keepFile(d, 'corrected', null);
    this.keepFile(d, 'returned', null);
  }

  stopAll(): void {
    for (const d of [...this.held.keys()]) this.stop(d);
  }
}
