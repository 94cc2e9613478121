// Comparing the data as returned with the data as it should be (files.compare): both extracts are
// read in the import worker (untrusted-extracts.ts) through the one extract reader. Nothing is
// kept: the history is not opened.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import { compareUntrusted } from './untrusted-extracts';

export function compareOperations(host: OperationHost): OperationTableOf<'files.compare'> {
  return {
    'files.compare': (i) => compareUntrusted(host, i),
  };
}
