// Types for build-cli.mjs, so TypeScript tests and benchmarks can import it.
import type { Metafile } from 'esbuild';

export declare const CLI_DIR: string;

export declare function buildCli(options?: {
  outdir?: string;
}): Promise<{ entry: string; metafile: Metafile }>;

export declare function watchCli(options?: {
  outdir?: string;
  onBuilt?: () => void;
}): Promise<() => Promise<unknown>>;
