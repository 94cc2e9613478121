// The order vitest starts test files in: its own (by the durations of earlier runs, or in a fresh
// clone, where it has none, by file size), except that the few files that run far longer than the
// rest start first. In a fresh clone crash-safety.test.ts (two hundred lives of a worker, about a
// hundred seconds whatever the machine) would otherwise start part-way through and could still be
// running after every other file has ended, with the other workers idle.
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/** Longest first: each runs for tens of seconds (kills, retry delays, a busy database's timeout). */
export const LONG_RUNNING = [
  'test/integration/store/crash-safety.test.ts',
  'test/integration/upload/refusals.test.ts',
  'test/integration/store/cli-bad-input.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const i = LONG_RUNNING.findIndex((f) => spec.moduleId.replaceAll('\\', '/').endsWith(f));
  return i === -1 ? LONG_RUNNING.length : i;
};

export default class LongRunningFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: everything else keeps vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
