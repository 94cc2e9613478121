// #/portal/upload/ID: the guide's upload, one step after another. Choose the CSV (or drop it), see
// what the check found against the template's file format, press Upload…, confirm, watch it go,
// and return to the dashboard where the request now says "Upload pending verification".
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { CsvCheckView, DataRequestView } from '../../../shared/ipc/portal';
import type { AppError } from '../../../shared/ipc/result';
import type { AppInfo, DestinationView } from '../../../shared/ipc/views';
import { fileToBase64 } from '../../app/bytes';
import { useFlash } from '../../app/flash';
import { useApi, useDraft, useLoaded } from '../../app/hooks';
import { goTo } from '../../app/use-route';
import { FileDropZone } from '../../components/FileDropZone';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { StatusBadge } from '../../components/StatusBadge';
import { BROWSER_MODE_MAX_BYTES } from '../uploads/chooser-model';
import { adviceFor, failureTitle } from '../uploads/upload-advice';
import { CheckResult } from './CheckResult';
import { ConfirmPortalUploadDialog } from './ConfirmPortalUploadDialog';
import type { UploadConfirmation } from './ConfirmPortalUploadDialog';
import { RequestFacts } from './RequestFacts';
import { badgeColor, destinationOf, passwordNeeded, requestName } from './portal-model';
import type { PortalTab } from './portal-model';
import { progressText, uploadBlocked, uploadInput, uploadedText } from './upload-model';
import type { ChosenFile, Progress } from './upload-model';

interface Props {
  requestId: number;
  info: AppInfo;
}

export function PortalUploadPage({ requestId, info }: Props) {
  const requests = useLoaded((a) => a['portal.requests']());
  const destinations = useLoaded((a) => a['destinations.list']());
  const request = requests.value?.requests.find((r) => r.id === requestId);
  const error = requests.error ?? destinations.error;
  // One title while loading and after, so the focus the frame gives it on arrival stays there.
  return (
    <>
      <ScreenTitle title={request ? `Upload for ${request.template}` : 'Upload for a data request'}>
        {request ? `Upload a file for ${requestName(request)}` : 'Upload for a data request'}
      </ScreenTitle>
      <BackButton />
      <LiveNotice notice={error && fromError(error, 'Could not load the data request')} />
      {request && destinations.value ? (
        <UploadSteps request={request} destinations={destinations.value} info={info} />
      ) : (
        !error &&
        (!requests.value || !destinations.value) && <Spinner label="Loading the data request…" />
      )}
      {requests.value && !request && (
        <Text>
          There is no data request {requestId}. Go back to the{' '}
          <Link href="#/portal">Data portal</Link> and choose one from the list.
        </Text>
      )}
    </>
  );
}

function BackButton() {
  const s = useSectionStyles();
  return (
    <div className={s.actions}>
      <Button icon={<ArrowLeftRegular />} onClick={() => goTo('#/portal')}>
        Back to the data requests
      </Button>
    </div>
  );
}

type Phase = 'choosing' | 'checking' | 'uploading' | 'failed';

function UploadSteps(p: {
  request: DataRequestView;
  destinations: DestinationView[];
  info: AppInfo;
}) {
  const { request } = p;
  const s = useSectionStyles();
  const api = useApi();
  const ids = { choose: useId(), check: useId(), progress: useId() };
  const restoreFocusTarget = useRestoreFocusTarget();
  const [, leaveFlash] = useFlash();
  const [, setListTab] = useDraft<{ tab: PortalTab }>('portal', { tab: 'current' });
  const [phase, setPhase] = useState<Phase>('choosing');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [check, setCheck] = useState<CsvCheckView | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [confirm, setConfirm] = useState<UploadConfirmation | null>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const blocked = uploadBlocked(request);
  const destination = destinationOf(request, p.destinations);

  useEffect(() => {
    if (check) checkHeading.current?.focus();
  }, [check]);
  useEffect(() => {
    if (phase === 'uploading') progressHeading.current?.focus();
  }, [phase]);

  const choose = async ([chosen]: File[]) => {
    if (!chosen) return;
    setCheck(null);
    setFailure(null);
    if (p.info.mode === 'browser' && chosen.size > BROWSER_MODE_MAX_BYTES) {
      setFile(null);
      return setNotice({
        intent: 'error',
        text: `${chosen.name} is larger than the browser can send (24 MB). Upload it from the desktop app.`,
      });
    }
    setPhase('checking');
    setNotice({ intent: 'info', text: `Checking ${chosen.name}…` });
    const read = await fileToBase64(chosen);
    if (!read.ok) {
      setFile(null);
      setPhase('choosing');
      return setNotice(fromError(read.error, `${chosen.name} could not be checked`));
    }
    const chosenFile = { fileName: chosen.name, base64: read.value };
    setFile(chosenFile);
    const r = await api['portal.check']({ requestId: request.id, file: chosenFile });
    setPhase('choosing');
    if (!r.ok) return setNotice(fromError(r.error, `${chosen.name} could not be checked`));
    setNotice(null);
    setCheck(r.value);
  };

  const review = (lastError: AppError | null) => {
    if (!file || !check) return;
    setConfirm({
      request,
      fileName: file.fileName,
      check,
      askPassword: passwordNeeded(request, p.destinations, lastError),
    });
  };

  const send = async (acknowledged: boolean, password: string | undefined) => {
    if (!file || !check) return;
    setConfirm(null);
    setPhase('uploading');
    setProgress(null);
    setFailure(null);
    const off = api.events.on('upload.progress', (e) => {
      if (e.fileName === file.fileName) setProgress(e);
    });
    const r = await api['portal.upload'](
      uploadInput(request.id, file, check, acknowledged, password),
    );
    off();
    if (!r.ok) {
      setFailure(r.error);
      return setPhase('failed');
    }
    leaveFlash({
      intent: 'success',
      title: 'Upload pending verification',
      text: uploadedText(request, r.value),
    });
    setListTab({ tab: 'current' });
    goTo('#/portal');
  };

  const busy = phase === 'checking' || phase === 'uploading';
  return (
    <>
      <section className={s.section} aria-labelledby={ids.choose}>
        <h2 id={ids.choose} className={s.heading}>
          Choose the CSV file
        </h2>
        <RequestFacts request={request} />
        <div>
          <StatusBadge label={request.status.text} color={badgeColor(request.status.tone)} />
        </div>
        <FileDropZone
          label="Data file (CSV)"
          hint="It is checked against the template’s file format before anything is sent."
          accept=".csv,text/csv"
          disabled={busy}
          onFiles={(f) => void choose(f)}
        >
          {file && <Text>Chosen: {file.fileName}</Text>}
        </FileDropZone>
        {phase === 'checking' && <Spinner size="small" label="Checking the file…" />}
        <LiveNotice notice={notice} />
      </section>
      {check && file && (
        <section className={s.section} aria-labelledby={ids.check}>
          <h2 id={ids.check} ref={checkHeading} tabIndex={-1} className={s.heading}>
            Check of {file.fileName}
          </h2>
          <CheckResult check={check} headingId={ids.check} />
          <div className={s.actions}>
            {blocked ? (
              <Text>{blocked}</Text>
            ) : (
              <Button
                appearance="primary"
                icon={<ArrowUploadRegular />}
                disabledFocusable={busy}
                onClick={() => review(null)}
                {...restoreFocusTarget}
              >
                Upload…
              </Button>
            )}
          </div>
        </section>
      )}
      {(phase === 'uploading' || phase === 'failed') && file && (
        <section className={s.section} aria-labelledby={ids.progress}>
          <h2 id={ids.progress} ref={progressHeading} tabIndex={-1} className={s.heading}>
            {phase === 'uploading' ? 'Uploading' : 'Not uploaded:'} {file.fileName}
          </h2>
          <ProgressBar
            value={
              phase === 'uploading' ? (progress ? progress.sent / progress.total : undefined) : 1
            }
            max={1}
            thickness="large"
            color={phase === 'failed' ? 'error' : 'success'}
            aria-label={`Upload of ${file.fileName}`}
            aria-valuetext={phase === 'failed' ? 'Not uploaded' : progressText(progress)}
          />
          <Text role="status">{phase === 'uploading' ? progressText(progress) : ''}</Text>
          {failure && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{failureTitle(failure.code)}</MessageBarTitle>
                <Text block>{failure.message}</Text>
                <Text block>
                  <Text weight="semibold">What to do: </Text>
                  {adviceFor(failure.code)}
                </Text>
              </MessageBarBody>
            </MessageBar>
          )}
          {phase === 'failed' && (
            <div className={s.actions}>
              <Button appearance="primary" onClick={() => review(failure)} {...restoreFocusTarget}>
                Try again…
              </Button>
            </div>
          )}
        </section>
      )}
      <ConfirmPortalUploadDialog
        confirm={confirm}
        username={destination?.username}
        vaultAvailable={p.info.vault.available}
        onCancel={() => setConfirm(null)}
        onConfirm={(acknowledged, password) => void send(acknowledged, password)}
      />
    </>
  );
}
