// The offline check of files: .amd amendment files against every rule in HEFCE's guide, ILR XML
// files (2011-12 onwards) against the XML rules, each streamed in constant memory; nothing is kept.
// Each file is checked in the import worker (untrusted.ts), but by `returndesk validate`'s own
// process. A domain of its own that loads no history: `validate` runs it without SQLite.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import { sourceOf } from './source';
import { checkUntrusted } from './untrusted';
import { checkAdditionSets, checkDeletionCascade } from '../../shared/amd';
import type { FileReport } from '../../shared/amd';
import { calendarDateIn } from '../../shared/dates';

export function checkOperations(host: OperationHost): OperationTableOf<'files.check'> {
  return {
    'files.check': async ({ files, year }) => {
      const o = {
        ...(year === undefined ? {} : { year }),
        today: calendarDateIn(host.clock.now()),
      };
      const reports: FileReport[] = [];
      for (const f of files) reports.push(await checkUntrusted(host, sourceOf(f), o));
      // An addition set's files must agree with each other, and deletions cascade: checked across
      // the files given.
      checkAdditionSets(reports);
      checkDeletionCascade(reports);
      return reports;
    },
  };
}
