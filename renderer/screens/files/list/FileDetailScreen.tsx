// #/files/NAME: one file — what it is, where it has been sent and what the server said, its text
// checked again with today's rules, and export or discard.
import { Badge, Button, Link, Spinner, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowLeftRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import { DATA_SET_NAMES } from '../../../../shared/amd';
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import { formatBytes, formatDateTime } from '../../../app/format';
import { useApi, useApiEvent, useLoaded } from '../../../app/hooks';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../../components/ScreenTitle';
import { CheckedFileView } from './CheckedFileView';
import { DiscardDialog } from './DiscardDialog';
import { discardFile, exportFile } from './file-actions';
import {
  STATUS_COLOR,
  STATUS_LABEL,
  canDiscard,
  computedFromFacts,
  planRowLabel,
  seqLabel,
} from './file-list-model';
import { ReceiptsTable } from './ReceiptsTable';
import { FileFacts } from '../FileFacts';

export function FileDetailScreen({ name }: { name: string }) {
  const section = useSectionStyles();
  const api = useApi();
  const got = useLoaded((a) => a['files.get']({ name }));
  useApiEvent('history.changed', got.reload);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [discarding, setDiscarding] = useState<StoredAmendmentFile | null>(null);
  const receiptsId = useId();
  const textId = useId();
  const value = got.value;
  const text = value?.text;
  const source = useMemo(
    () => (text === undefined ? null : { name, text, year: value?.file.year ?? null }),
    [name, text, value?.file.year],
  );

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
    ['Kind', f.kind],
    [
      'Data set',
      `${DATA_SET_NAMES[f.dataSet]} (${f.dataSet})${f.additionType ? `, T=${f.additionType}` : ''}`,
    ],
    ['NN', seqLabel(f)],
    ['Plan row', planRowLabel(f)],
    ['Provider', `${f.upin}, ${f.year}`],
    ['Records', f.records.toLocaleString('en-GB')],
    ['Checksum', `${f.checksumField} = ${f.checksum}`],
    ['Finalised', formatDateTime(f.createdAt)],
    ['Status since', formatDateTime(f.statusChangedAt)],
    ['Size', formatBytes(value.text.length)],
    ...computedFromFacts(f),
  ];
  return (
    <>
      <ScreenTitle title={f.name}>{f.name}</ScreenTitle>
      <div className={section.actions}>
        <Button icon={<ArrowLeftRegular />} onClick={() => (window.location.hash = '#/files')}>
          All amendment files
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => void exportFile(api, f.name).then(setNotice)}
        >
          Export
        </Button>
        {canDiscard(f) && (
          <Button icon={<DeleteRegular />} onClick={() => setDiscarding(f)}>
            Discard…
          </Button>
        )}
        <Badge appearance="tint" shape="rounded" color={STATUS_COLOR[f.status]}>
          {STATUS_LABEL[f.status]}
        </Badge>
      </div>
      <LiveNotice notice={notice} />
      <FileFacts facts={facts} sha256={f.sha256} />
      <section className={section.section} aria-labelledby={receiptsId}>
        <h2 id={receiptsId} className={section.heading}>
          Receipts
        </h2>
        {value.receipts.length === 0 ? (
          <Text>Not uploaded yet. Add the file to a batch on the Batches screen to send it.</Text>
        ) : (
          <ReceiptsTable receipts={value.receipts} sha256={f.sha256} />
        )}
      </section>
      <section className={section.section} aria-labelledby={textId}>
        <h2 id={textId} className={section.heading}>
          Text and check
        </h2>
        {source && <CheckedFileView source={source} height="max(260px, calc(100vh - 360px))" />}
      </section>
      <DiscardDialog
        file={discarding}
        onCancel={() => setDiscarding(null)}
        onConfirm={(file) => {
          setDiscarding(null);
          void discardFile(api, file).then((n) => {
            setNotice(n);
            got.reload();
          });
        }}
      />
    </>
  );
}
