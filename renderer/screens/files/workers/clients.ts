// Starting the workers. Vite bundles each `new URL(..., import.meta.url)` worker as its own file.
import type { ExtractCalls } from './extract-calls';
import { RpcClient } from './rpc';
import type { Port } from './rpc';
import type { ValidateCalls } from './validate-calls';

export interface WorkerHandle<M extends Record<string, { input: unknown; output: unknown }>> {
  rpc: RpcClient<M>;
  stop(): void;
}

function handle<M extends Record<string, { input: unknown; output: unknown }>>(
  worker: Worker,
): WorkerHandle<M> {
  const rpc = new RpcClient<M>(worker as unknown as Port);
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    rpc.close(e.message || 'The background work stopped unexpectedly.');
  });
  return {
    rpc,
    stop: () => {
      rpc.close();
      worker.terminate();
    },
  };
}

export type ExtractWorker = WorkerHandle<ExtractCalls>;
export type ValidateWorker = WorkerHandle<ValidateCalls>;

export function startExtractWorker(): ExtractWorker {
  return handle<ExtractCalls>(
    new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function startValidateWorker(): ValidateWorker {
  return handle<ValidateCalls>(
    new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' }),
  );
}
