// One batch: what it is for, its files (and which are sent again, and why), adding and removing
// files before the upload, sign-off, and the way on to the upload. A 2011-12 batch holds ILR XML
// files and shows its re-submission set instead (XmlBatchSection).
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CloudArrowUpRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Batch } from '../../../shared/history/types';
import type { Result } from '../../../shared/ipc/result';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { goTo } from '../../app/use-route';
import { useFlash } from '../../app/flash';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { StatusBadge } from '../../components/StatusBadge';
import { AddFilesForm } from './AddFilesForm';
import { BatchOutcomeSection } from './BatchOutcomeSection';
import { BatchFilesTable } from './BatchFilesTable';
import { SignOffForm } from './SignOffForm';
import { XmlBatchSection } from './XmlBatchSection';
import { missingProblem } from './xml-batch-model';
import {
  BATCH_STATUS,
  SIGN_OFF_RULE,
  canChangeFiles,
  canSignOff,
  canUpload,
  signOffWithdrawn,
  uploadHref,
} from './batch-model';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export function BatchPage({ batchId }: { batchId: number }) {
  const batch = useLoaded((a) => a['batches.get']({ batchId }));
  useApiEvent('history.changed', batch.reload);
  const b = batch.value;
  if (!b) {
    return (
      <>
        <ScreenTitle title={`Batch ${batchId}`}>Batch {batchId}</ScreenTitle>
        <LiveNotice notice={batch.error && fromError(batch.error, 'Could not open the batch')} />
        {batch.loading && <Spinner label="Loading the batch…" />}
        <Link href="#/batches">All batches</Link>
      </>
    );
  }
  return <BatchDetail batch={b} reload={batch.reload} />;
}

function BatchDetail({ batch: b, reload }: { batch: Batch; reload: () => void }) {
  const s = useSectionStyles();
  const own = useStyles();
  const api = useApi();
  const filesId = useId();
  const signId = useId();
  const files = useLoaded((a) => a['files.list']({ upin: b.upin }));
  useApiEvent('history.changed', files.reload);
  const [busy, setBusy] = useState(false);
  const [flash] = useFlash();
  const [notice, setNotice] = useState<NoticeMessage | null>(flash);
  const editable = canChangeFiles(b);
  // HEFCE's rule for XML batches: main refuses the upload too; saying so here saves a trip.
  const blocked = missingProblem(b);

  const announce = (before: Batch, after: Batch, done: string) => {
    setNotice(
      signOffWithdrawn(before, after)
        ? {
            intent: 'warning',
            title: 'The sign-off was withdrawn',
            text: `${done} The files changed after ${before.signedOffBy ?? 'someone'} signed the batch off, so it must be signed off again before it is uploaded.`,
          }
        : { intent: 'success', text: done },
    );
    reload();
  };

  const change = async (what: string, call: () => Promise<Result<Batch>>, done: string) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, `${what} failed`));
    announce(b, r.value, done);
  };

  return (
    <>
      <ScreenTitle title={`Batch ${b.id}`}>
        Batch {b.id}: {b.upin} {b.year}
      </ScreenTitle>
      <div className={s.actions}>
        <Link href="#/batches">All batches</Link>
      </div>
      <section className={s.section} aria-label="About this batch">
        <dl className={own.facts}>
          <dt className={own.term}>Status</dt>
          <dd className={own.value}>
            <StatusBadge {...BATCH_STATUS[b.status]} />{' '}
            <Text size={200}>since {formatDateTime(b.statusChangedAt)}</Text>
          </dd>
          <dt className={own.term}>Provider and year</dt>
          <dd className={own.value}>
            {b.upin} {b.year}
          </dd>
          <dt className={own.term}>Action plan</dt>
          <dd className={own.value}>
            <Link href={`#/plans/${b.planId}`}>Plan {b.planId}</Link>
          </dd>
          <dt className={own.term}>Upload area</dt>
          <dd className={own.value}>{b.destination}</dd>
          <dt className={own.term}>Signed off</dt>
          <dd className={own.value}>
            {b.signedOffBy
              ? `By ${b.signedOffBy} on ${formatDateTime(b.signedOffAt ?? '')}`
              : 'Not signed off'}
          </dd>
          {['uploading', 'uploaded', 'accepted', 'failed'].includes(b.status) && (
            <>
              <dt className={own.term}>Receipt</dt>
              <dd className={own.value}>
                <Link href={`#/uploads/receipt/batch/${b.id}`}>Printable receipt</Link>
              </dd>
            </>
          )}
        </dl>
        <LiveNotice notice={notice} />
      </section>
      {b.xml ? (
        <XmlBatchSection
          batch={b}
          editable={editable}
          busy={busy}
          change={change}
          announce={announce}
          notify={setNotice}
          reload={reload}
        />
      ) : (
        <section className={s.section} aria-labelledby={filesId}>
          <h2 id={filesId} className={s.heading}>
            Files
          </h2>
          <BatchFilesTable
            batch={b}
            editable={editable}
            busy={busy}
            onRemove={(name) =>
              void change(
                'Removing the file',
                () => api['batches.remove']({ batchId: b.id, name }),
                `Removed ${name}.`,
              )
            }
          />
          {editable && (
            <>
              <h3 className={s.subheading}>Add files</h3>
              {b.status === 'signed_off' && (
                <Text>
                  Adding or removing a file now withdraws {b.signedOffBy}’s sign-off: the batch must
                  then be signed off again.
                </Text>
              )}
              <LiveNotice
                notice={files.error && fromError(files.error, 'Could not list the files')}
              />
              {files.value && (
                <AddFilesForm
                  batch={b}
                  files={files.value}
                  busy={busy}
                  onAdd={(names) =>
                    void change(
                      'Adding files',
                      () => api['batches.add']({ batchId: b.id, names }),
                      names.length === 1 ? `Added ${names[0]}.` : `Added ${names.length} files.`,
                    )
                  }
                />
              )}
            </>
          )}
        </section>
      )}
      <section className={s.section} aria-labelledby={signId}>
        <h2 id={signId} className={s.heading}>
          Sign-off and upload
        </h2>
        <Text className={s.muted}>{SIGN_OFF_RULE}</Text>
        {b.status === 'draft' &&
          (canSignOff(b) ? (
            <SignOffForm
              batchId={b.id}
              busy={busy}
              onSignOff={(by) =>
                void change(
                  'Sign-off',
                  () => api['batches.signOff']({ batchId: b.id, by }),
                  `Batch ${b.id} is signed off by ${by}. It can now be uploaded.`,
                )
              }
            />
          ) : (
            <Text>Add files before signing the batch off.</Text>
          ))}
        {canUpload(b) && blocked && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Not ready to upload</MessageBarTitle>
              {blocked}
            </MessageBarBody>
          </MessageBar>
        )}
        {canUpload(b) && !blocked && (
          <div className={s.actions}>
            <Button
              appearance="primary"
              icon={<CloudArrowUpRegular />}
              onClick={() => goTo(uploadHref(b.id))}
            >
              {b.status === 'uploading' ? 'Resume the upload…' : 'Upload…'}
            </Button>
            {b.status === 'uploading' && (
              <Text>The upload stopped part-way; uploading again continues where it stopped.</Text>
            )}
          </div>
        )}
        {(b.status === 'uploaded' || b.status === 'accepted' || b.status === 'failed') && (
          <MessageBar
            intent={b.status === 'failed' ? 'error' : b.status === 'accepted' ? 'success' : 'info'}
          >
            <MessageBarBody>
              {b.status === 'uploaded' &&
                'Uploaded: the files are pending verification by the receiver. '}
              {b.status === 'accepted' && 'Every file in this batch was accepted. '}
              {b.status === 'failed' &&
                'A file in this batch failed. The receipts say what the receiver found and what to do next. '}
              <Link href="#/uploads">See the receipts</Link>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      {b.status === 'accepted' && <BatchOutcomeSection batchId={b.id} />}
    </>
  );
}
