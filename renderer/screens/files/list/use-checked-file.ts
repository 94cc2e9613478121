// Checks one amendment file in a worker (its bytes as chosen or dropped, or its text from the
// history) and keeps the worker while the result is on screen, to serve the file's lines.
import { useEffect, useState } from 'react';
import type { WorkProgressValue } from '../../../components/WorkProgress';
import { startValidateWorker } from '../workers/clients';
import type { ValidateWorker } from '../workers/clients';
import type { CheckedFile } from '../workers/validate-calls';

export interface CheckSource {
  name: string;
  file?: Blob;
  text?: string;
  year: string | null;
}

export interface CheckState {
  progress: WorkProgressValue | null;
  result: CheckedFile | null;
  worker: ValidateWorker | null;
  error: string | null;
}

export function useCheckedFile(source: CheckSource | null): CheckState {
  const [state, setState] = useState<CheckState>({
    progress: null,
    result: null,
    worker: null,
    error: null,
  });
  useEffect(() => {
    if (!source) return;
    const worker = startValidateWorker();
    let live = true;
    setState({
      progress: { phase: 'Reading the file', done: 0, total: 1 },
      result: null,
      worker,
      error: null,
    });
    worker.rpc
      .call('validate', source, {
        progress: (p) => live && setState((s) => ({ ...s, progress: p })),
      })
      .then(
        (result) => live && setState({ progress: null, result, worker, error: null }),
        (e: Error) =>
          live && setState({ progress: null, result: null, worker: null, error: e.message }),
      );
    return () => {
      live = false;
      worker.stop();
    };
  }, [source]);
  return state;
}
