// ILR XML amendment files (2011-12 onwards) and their batches: the offline check, keeping a file
// (only one without errors), withdrawing one, and HEFCE's rule that a batch re-sends every earlier
// submitted file unless the user overrides it with a reason.
import type { OperationHost } from './host';
import { bytesOf, sourceOf } from './source';
import { checkUntrusted, xmlCheckOf } from './untrusted';
import type { OperationTableOf } from './table';
import { receiptView } from './files';
import { StoreError } from '../store';
import { calendarDateIn } from '../../shared/dates';
import { takeXmlBytes } from '../store/xml-intake';

export function xmlOperations(
  host: OperationHost,
): OperationTableOf<
  | 'xmlFiles.list'
  | 'xmlFiles.get'
  | 'xmlFiles.check'
  | 'xmlFiles.add'
  | 'xmlFiles.mark'
  | 'xmlFiles.withdraw'
  | 'batches.check'
  | 'batches.override'
> {
  const today = () => calendarDateIn(host.clock.now());
  return {
    'xmlFiles.list': (filter) => host.store().xmlFiles.list(filter),
    'xmlFiles.get': ({ name }) => {
      const store = host.store();
      const file = store.xmlFiles.get(name);
      const receipts = store.uploads
        .list()
        .filter((u) => u.xmlFileId === file.id)
        .map(receiptView);
      return { file, receipts, batchIds: store.batches.xml.batchIdsOf(file.id) };
    },
    // In the import worker, as every check of a file the user chose (untrusted.ts).
    'xmlFiles.check': (file) =>
      checkUntrusted(host, sourceOf(file), { today: today(), format: 'xml' }),
    'xmlFiles.add': async ({ upin, batchId, ...chosen }) => {
      const store = host.store();
      // Refuse an unknown batch or one that cannot change before copying anything in.
      const target = batchId === undefined ? undefined : store.batches.get(batchId);
      if (target && !target.xml)
        throw new StoreError(
          'INVALID_INPUT',
          `Batch ${target.id} is for ${target.year}, which is amended with .amd files, not XML files.`,
        );
      const { checked, report } = await takeXmlBytes(
        store,
        chosen.fileName,
        await bytesOf(chosen),
        today(),
        xmlCheckOf(host),
      );
      if (target) {
        const batch = store.batches.xml.addChecked(target.id, [checked], []);
        const file = store.xmlFiles.get(checked.facts.name);
        return { file, report, batch };
      }
      const file = store.xmlFiles.record(upin ?? '', checked);
      return { file, report, batch: null };
    },
    'xmlFiles.mark': ({ name, status, note }) => host.store().xmlFiles.mark(name, status, note),
    'xmlFiles.withdraw': ({ name, reason }) => host.store().batches.xml.withdraw(name, reason),
    'batches.check': ({ batchId }) => host.store().batches.xml.check(batchId),
    'batches.override': ({ batchId, reason }) => host.store().batches.xml.override(batchId, reason),
  };
}
