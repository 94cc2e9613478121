// #/files/xml/NAME: one ILR XML file — what its header said when it was checked, the batches it
// has been in, where it was sent and what the server said, and Withdraw.
import { Button, Link, Spinner, Text } from '@fluentui/react-components';
import { ArrowLeftRegular, DeleteRegular } from '@fluentui/react-icons';
import { Fragment, useId, useState } from 'react';
import { formatBytes, formatDateTime } from '../../../app/format';
import { useApi, useApiEvent, useLoaded } from '../../../app/hooks';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../../components/ScreenTitle';
import { StatusBadge } from '../../../components/StatusBadge';
import { ReceiptsTable } from '../list/ReceiptsTable';
import { WithdrawXmlDialog } from './WithdrawXmlDialog';
import { withdrawXml } from './xml-actions';
import { XML_STATUS, canWithdraw, typeLabel } from './xml-model';
import { FileFacts } from '../FileFacts';

export function XmlFileDetailScreen({ name }: { name: string }) {
  const section = useSectionStyles();
  const api = useApi();
  const got = useLoaded((a) => a['xmlFiles.get']({ name }));
  useApiEvent('history.changed', got.reload);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);
  const receiptsId = useId();
  const batchesId = useId();
  const value = got.value;

  if (!value) {
    return (
      <>
        <ScreenTitle title={name}>{name}</ScreenTitle>
        {got.error ? (
          <LiveNotice notice={fromError(got.error, `${name} could not be opened`)} />
        ) : (
          <Spinner label={`Opening ${name}…`} />
        )}
        <Link href="#/files">Back to all amendment files</Link>
      </>
    );
  }
  const f = value.file;
  const facts: [string, string][] = [
    ['Provider', `${f.upin} (UKPRN ${f.ukprn}), ${f.year}`],
    ['Transmission type', typeLabel(f.transmissionType)],
    ['Serial number', f.serialNo],
    ['Prepared on', f.preparedOn ?? 'Not given'],
    ['Learners', f.learners.toLocaleString('en-GB')],
    ['Learning deliveries', f.deliveries.toLocaleString('en-GB')],
    ['Warnings when checked', f.warnings.toLocaleString('en-GB')],
    ['Size', formatBytes(f.bytes)],
    ['Kept', formatDateTime(f.createdAt)],
    ['Status since', formatDateTime(f.statusChangedAt)],
  ];
  if (f.withdrawnReason) facts.push(['Why withdrawn', f.withdrawnReason]);
  return (
    <>
      <ScreenTitle title={f.name}>{f.name}</ScreenTitle>
      <div className={section.actions}>
        <Button icon={<ArrowLeftRegular />} onClick={() => (window.location.hash = '#/files')}>
          All amendment files
        </Button>
        {canWithdraw(f) && (
          <Button icon={<DeleteRegular />} onClick={() => setWithdrawing(true)}>
            Withdraw…
          </Button>
        )}
        <StatusBadge {...XML_STATUS[f.status]} />
      </div>
      <LiveNotice notice={notice} />
      <FileFacts facts={facts} sha256={f.sha256} />
      <section className={section.section} aria-labelledby={batchesId}>
        <h2 id={batchesId} className={section.heading}>
          Batches
        </h2>
        {value.batchIds.length === 0 ? (
          <Text>In no batch yet. Add it to a {f.year} batch on the Batches screen to send it.</Text>
        ) : (
          <Text>
            In{' '}
            {value.batchIds.map((id, i) => (
              <Fragment key={id}>
                {i > 0 && ', '}
                <Link href={`#/batches/${id}`}>batch {id}</Link>
              </Fragment>
            ))}
            . Once sent, HEFCE’s rule is that every later {f.year} batch sends it again, until it is
            withdrawn.
          </Text>
        )}
      </section>
      <section className={section.section} aria-labelledby={receiptsId}>
        <h2 id={receiptsId} className={section.heading}>
          Receipts
        </h2>
        {value.receipts.length === 0 ? (
          <Text>Not uploaded yet.</Text>
        ) : (
          <ReceiptsTable receipts={value.receipts} sha256={f.sha256} />
        )}
      </section>
      <WithdrawXmlDialog
        name={withdrawing ? f.name : null}
        busy={busy}
        onCancel={() => setWithdrawing(false)}
        onConfirm={(n, reason) => {
          setBusy(true);
          void withdrawXml(api, n, reason).then((msg) => {
            setBusy(false);
            setWithdrawing(false);
            setNotice(msg);
            got.reload();
          });
        }}
      />
    </>
  );
}
