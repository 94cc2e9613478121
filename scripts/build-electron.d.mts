// Types for build-electron.mjs, so TypeScript tests can import it.
export declare const EXTERNAL: string[];

export declare function preloadRequires(metafile: {
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}): string[];

export declare function buildElectron(options?: {
  outdir?: string;
}): Promise<{ main: string; preload: string }>;

export declare const NATIVE: string[];
export declare const CHECK_WORKER: Record<string, string>;
export declare const COMMONJS: Record<string, unknown>;

export declare function watchElectron(options?: {
  outdir?: string;
}): Promise<() => Promise<unknown>>;
