// "ILR XML files (2011-12)" on the Amendment files screen: every XML file kept in the history,
// with a filter, the batches each is in, and Withdraw (reason required).
import { Checkbox, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useApi, useApiEvent, useDraft, useLoaded } from '../../../app/hooks';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { WithdrawXmlDialog } from './WithdrawXmlDialog';
import { XmlFilesTable } from './XmlFilesTable';
import { withdrawXml } from './xml-actions';
import { batchesByFile, visibleXmlFiles } from './xml-model';

export function XmlFilesSection() {
  const s = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const files = useLoaded((a) => a['xmlFiles.list']({}));
  const batches = useLoaded((a) => a['batches.list']({}));
  useApiEvent('history.changed', () => {
    files.reload();
    batches.reload();
  });
  const [view, setView] = useDraft('files.xml', { filter: '', withdrawn: false });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const all = files.value ?? [];
  const list = visibleXmlFiles(all, view.filter, view.withdrawn);
  const inBatches = batchesByFile(batches.value ?? []);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        ILR XML files (2011-12)
      </h2>
      <LiveNotice
        notice={files.error && fromError(files.error, 'The XML files could not be loaded')}
      />
      <LiveNotice notice={notice} />
      {!files.value && files.loading && <Spinner label="Loading the XML files…" />}
      {files.value && all.length === 0 && (
        <Text>
          No XML files yet. Check one below and add it to the history, or add it straight to a
          2011-12 batch on the Batches screen.
        </Text>
      )}
      {all.length > 0 && (
        <>
          <div className={s.actions}>
            <Field label="Filter XML files">
              <Input
                type="search"
                contentBefore={<SearchRegular aria-hidden />}
                value={view.filter}
                onChange={(_, d) => setView({ filter: d.value })}
              />
            </Field>
            <Checkbox
              label="Show withdrawn files"
              checked={view.withdrawn}
              onChange={(_, d) => setView({ withdrawn: d.checked === true })}
            />
          </div>
          <Text role="status">
            {list.length === all.length
              ? `${all.length} XML file${all.length === 1 ? '' : 's'}.`
              : `${list.length} of ${all.length} XML files shown.`}
          </Text>
          <XmlFilesTable
            files={list}
            batchesOf={(name) => inBatches.get(name)}
            onWithdraw={(f) => setWithdrawing(f.name)}
          />
        </>
      )}
      <WithdrawXmlDialog
        name={withdrawing}
        busy={busy}
        onCancel={() => setWithdrawing(null)}
        onConfirm={(name, reason) => {
          setBusy(true);
          void withdrawXml(api, name, reason).then((n) => {
            setBusy(false);
            setWithdrawing(null);
            setNotice(n);
            files.reload();
          });
        }}
      />
    </section>
  );
}
