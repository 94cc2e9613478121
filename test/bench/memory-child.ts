// Run in a fresh process by the benchmark: validates one file through the real streaming path and
// reports its memory as one JSON line on stdout. A fresh process per size means one measurement
// cannot inherit the heap of another.
import { basename } from 'node:path';
import { AmendmentFileValidator } from '../../shared/amd';
import { streamText } from '../../electron/files/text';
import { measureMemory } from '../support/memory-sampler';
import type { MemoryFigures } from '../support/memory-sampler';

export interface MemoryReport extends MemoryFigures {
  records: number;
  valid: boolean;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: memory-child FILE.amd');
  process.exit(2);
}

const { result: report, memory } = await measureMemory(async () => {
  let validator: AmendmentFileValidator | undefined;
  await streamText(path, () => {
    validator = new AmendmentFileValidator({ fileName: basename(path) });
    return validator;
  });
  return validator?.end();
});

const result: MemoryReport = {
  records: report?.records ?? 0,
  valid: report?.valid ?? false,
  ...memory,
};
process.stdout.write(JSON.stringify(result) + '\n');
