// ILR XML amendment files (2011-12 onwards) and their batches: the offline check, keeping a file
// (only one without errors), withdrawing one, and HEFCE's rule that a batch re-sends every earlier
// submitted file unless the user overrides it with a reason.
import type { HandlerHost } from './host';
import type { JourneyTableOf } from './journey-table';
import { receiptView } from './journey-files';
import { StoreError } from '../store';
import { calendarDateIn } from '../../shared/dates';
import { checkXmlBytes, takeXmlBytes } from '../store/xml-intake';

export function xmlHandlers(
  host: HandlerHost,
): JourneyTableOf<
  | 'xmlFiles.list'
  | 'xmlFiles.get'
  | 'xmlFiles.check'
  | 'xmlFiles.add'
  | 'xmlFiles.withdraw'
  | 'batches.check'
  | 'batches.override'
> {
  const today = () => calendarDateIn(host.clock.now());
  const changed = <T>(value: T, tables: string[]): T => {
    host.emit('history.changed', { tables });
    return value;
  };
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
    'xmlFiles.check': ({ fileName, base64 }) =>
      checkXmlBytes(fileName, Buffer.from(base64, 'base64'), today()),
    'xmlFiles.add': async ({ fileName, base64, upin, batchId }) => {
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
        fileName,
        Buffer.from(base64, 'base64'),
        today(),
      );
      if (target) {
        const batch = store.batches.xml.addChecked(target.id, [checked], []);
        const file = store.xmlFiles.get(checked.facts.name);
        return changed({ file, report, batch }, ['files', 'batches']);
      }
      const file = store.xmlFiles.record(upin ?? '', checked);
      return changed({ file, report, batch: null }, ['files']);
    },
    'xmlFiles.withdraw': ({ name, reason }) =>
      changed(host.store().batches.xml.withdraw(name, reason), ['files', 'batches']),
    'batches.check': ({ batchId }) => host.store().batches.xml.check(batchId),
    'batches.override': ({ batchId, reason }) =>
      changed(host.store().batches.xml.override(batchId, reason), ['batches']),
  };
}
