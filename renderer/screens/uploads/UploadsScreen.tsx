// Uploads: choose a destination and what to send, confirm, watch the queue, and read the receipts.
// #/uploads/batch/ID arrives from a batch's "Upload…" with that batch chosen.
import { Spinner, Text, mergeClasses } from '@fluentui/react-components';
import { useId, useState, useSyncExternalStore } from 'react';
import type { AppInfo } from '../../../shared/ipc/views';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { NotificationsButton } from '../../components/NotificationsButton';
import { useFormStyles } from '../../components/form-styles';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { ConfirmUploadDialog } from './ConfirmUploadDialog';
import type { ConfirmRequest } from './ConfirmUploadDialog';
import { ReceiptsSection } from './ReceiptsSection';
import { PrintableReceipt } from './PrintableReceipt';
import { UploadChooser } from './UploadChooser';
import { UploadQueue } from './UploadQueue';
import { needsPassword } from './upload-advice';
import { GROUP_KEY_CODES, GroupKeyAsk } from './GroupKeyAsk';
import { submissionFacts } from './upload-model';
import { uploadRun } from './upload-run';

export function UploadsScreen({ params, info }: { params: string[]; info: AppInfo }) {
  // #/uploads/receipt/upload/ID or #/uploads/receipt/batch/ID: the printable receipt.
  const receiptId = Number(params[2]);
  if (
    params[0] === 'receipt' &&
    (params[1] === 'upload' || params[1] === 'batch') &&
    Number.isInteger(receiptId) &&
    receiptId > 0
  )
    return <PrintableReceipt key={params.join('/')} kind={params[1]} id={receiptId} />;
  return <UploadsWorkspace params={params} info={info} />;
}

function UploadsWorkspace({ params, info }: { params: string[]; info: AppInfo }) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const sendId = useId();
  const run = useSyncExternalStore(uploadRun.subscribe, uploadRun.getSnapshot);
  const destinations = useLoaded((a) => a['destinations.list']());
  const batches = useLoaded((a) => a['batches.list']({}));
  const files = useLoaded((a) => a['files.list']({}));
  const plans = useLoaded((a) => a['plans.list']({}));
  useApiEvent('history.changed', () => {
    destinations.reload();
    batches.reload();
    files.reload();
    plans.reload();
  });
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  // What became of a group key given below; said here as the form asking for it goes on retry.
  const [keyKept, setKeyKept] = useState<NoticeMessage | null>(null);
  const batchParam = params[0] === 'batch' ? Number(params[1]) : NaN;
  const initialBatchId = Number.isInteger(batchParam) && batchParam > 0 ? batchParam : null;
  const error = destinations.error ?? batches.error ?? files.error ?? plans.error;
  const loaded = destinations.value && batches.value && files.value && plans.value;
  const running = run.phase === 'running' || run.phase === 'stopping';

  const request = confirm?.request;
  const destination = destinations.value?.find((d) => d.id === request?.destinationId);
  const batchPlan =
    request?.source.kind === 'batch'
      ? batches.value?.find(
          (b) => request.source.kind === 'batch' && b.id === request.source.batchId,
        )?.planId
      : undefined;
  const facts = request
    ? submissionFacts(request.source, files.value ?? [], plans.value ?? [], batchPlan)
    : { year: null, plan: null, due: null };

  const retry = () => {
    if (!run.request) return;
    const d = destinations.value?.find((x) => x.id === run.request?.destinationId);
    const ask = run.error !== null && needsPassword(run.error.code);
    if (ask || !(d?.passwordStored || d?.passwordForSession))
      return setConfirm({ request: run.request, retry: true, askPassword: ask });
    void uploadRun.retry(api);
  };

  return (
    <>
      <ScreenTitle title="Uploads">Uploads</ScreenTitle>
      <Text className={mergeClasses(s.muted, f.intro)}>
        Files are sent over an encrypted connection and count as sent only when the server’s SHA-256
        of what it received matches the file’s. The receiver then checks each file: its verdict
        appears in the receipts.
      </Text>
      <div className={s.actions}>
        <NotificationsButton reason="Be told when the receiver accepts or rejects a file" />
      </div>
      <LiveNotice notice={error && fromError(error, 'Could not load what can be uploaded')} />
      <section className={s.section} aria-labelledby={sendId}>
        <h2 id={sendId} className={s.heading}>
          Send files
        </h2>
        {!loaded && !error && <Spinner label="Loading destinations, batches and files…" />}
        {loaded && (
          <UploadChooser
            destinations={destinations.value ?? []}
            batches={batches.value ?? []}
            files={files.value ?? []}
            initialBatchId={initialBatchId}
            busy={running}
            mode={info.mode}
            onReview={(r) => setConfirm({ request: r, retry: false, askPassword: false })}
          />
        )}
      </section>
      {run.phase !== 'idle' && (
        <UploadQueue
          run={run}
          onStop={() => void uploadRun.stop(api)}
          onRetry={retry}
          onDismiss={() => uploadRun.dismiss()}
        />
      )}
      {run.phase === 'failed' && run.request && GROUP_KEY_CODES.has(run.error?.code ?? '') && (
        <GroupKeyAsk
          destinationId={run.request.destinationId}
          area={run.request.area}
          vaultAvailable={info.vault.available}
          onKept={(notice) => {
            setKeyKept(notice);
            retry();
          }}
        />
      )}
      <LiveNotice notice={keyKept} />
      <ReceiptsSection />
      <ConfirmUploadDialog
        confirm={confirm}
        destination={destination}
        facts={facts}
        vaultAvailable={info.vault.available}
        onCancel={() => setConfirm(null)}
        onConfirm={(password, confirmUnchecked, area) => {
          const c = confirm;
          setConfirm(null);
          if (!c) return;
          const { source } = c.request;
          const request = {
            ...c.request,
            area,
            ...(source.kind === 'disk' && confirmUnchecked
              ? { source: { ...source, confirmUnchecked } }
              : {}),
          };
          if (c.retry) void uploadRun.retry(api, password);
          else void uploadRun.start(api, request, password);
        }}
      />
    </>
  );
}
