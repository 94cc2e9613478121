// Types for electron-runtime.mjs, so TypeScript tests can import it.
export declare const PROJECT_ROOT: string;

export type ElectronRuntime = { binary: string } | { binary: null; reason: string };

export declare function findElectronRuntime(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): ElectronRuntime;
