// Memory of a piece of work in this (fresh) process, for the benchmarks and the streaming memory
// tests: the resident set size before it, the highest sampled every few milliseconds while it
// runs, and the operating system's own peak for the whole process (worker threads included).

export interface MemoryFigures {
  /** Resident set size before the work started (Node, the TypeScript loader, the engine). */
  baselineRss: number;
  /** Highest resident set size sampled every few milliseconds during the work. */
  peakRssSampled: number;
  /** The operating system's peak resident set size for the whole process. */
  maxRss: number;
  peakHeapUsed: number;
  ms: number;
}

export async function measureMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; memory: MemoryFigures }> {
  const baselineRss = process.memoryUsage().rss;
  let peakRssSampled = baselineRss;
  let peakHeapUsed = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRssSampled) peakRssSampled = m.rss;
    if (m.heapUsed > peakHeapUsed) peakHeapUsed = m.heapUsed;
  };
  const timer = setInterval(sample, 2);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    sample();
    // maxRSS is in kibibytes.
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return { result, memory: { baselineRss, peakRssSampled, maxRss, peakHeapUsed, ms } };
  } finally {
    clearInterval(timer);
  }
}
