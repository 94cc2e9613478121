// The extract workers of one wizard, one per data set, kept in the drafts with the wizard's state:
// the loaded extract lives as long as the choices made about it.
import type { DataSet } from '../../../../shared/amd';
import { startExtractWorker } from './clients';
import type { ExtractWorker } from './clients';

export class ExtractWorkers {
  private readonly held = new Map<DataSet, ExtractWorker>();

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
  }

  stopAll(): void {
    for (const d of [...this.held.keys()]) this.stop(d);
  }
}
