// The files of the current upload, one progress bar each (bytes, rate, time left), with Stop while
// it runs and Retry after it stopped or failed. A failure says what the server said and what to do.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, StopRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useSectionStyles } from '../../components/ScreenTitle';
import { StatusBadge } from '../../components/StatusBadge';
import { adviceFor, failureTitle } from './upload-advice';
import { RECEIPT_STATUS, fraction, itemText } from './upload-model';
import type { RunState } from './upload-run';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  heading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    ':focus': { outline: 'none' },
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

const PHASE_TEXT: Record<RunState['phase'], string> = {
  idle: '',
  running: 'Uploading…',
  stopping: 'Stopping…',
  done: 'Upload finished. The receiver now checks each file; results appear in the receipts below.',
  stopped: 'Stopped. What the server already has is kept: Retry continues from where it stopped.',
  failed: 'The upload did not finish. Files already sent are kept; Retry sends the rest.',
};

interface Props {
  run: RunState;
  onStop: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}

export function UploadQueue({ run, onStop, onRetry, onDismiss }: Props) {
  const s = useSectionStyles();
  const own = useStyles();
  const running = run.phase === 'running' || run.phase === 'stopping';
  const request = run.request;
  const heading = useRef<HTMLHeadingElement>(null);
  const before = useRef(run.phase);
  useEffect(() => {
    // When an upload starts, take the view and the keyboard to its progress (and Stop).
    if (run.phase === 'running' && before.current !== 'running' && before.current !== 'stopping') {
      heading.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView({ block: 'start' });
    }
    before.current = run.phase;
  }, [run.phase]);
  return (
    <section className={s.section} aria-labelledby="upload-queue-heading">
      <h2 id="upload-queue-heading" ref={heading} tabIndex={-1} className={own.heading}>
        {running ? 'Uploading' : 'Last upload'} to {request?.destinationName}
      </h2>
      <Text role="status">
        {PHASE_TEXT[run.phase]}
        {request ? ` Upload area: ${request.area}.` : ''}
      </Text>
      {run.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{failureTitle(run.error.code)}</MessageBarTitle>
            <Text block>{run.error.message}</Text>
            <Text block>
              <Text weight="semibold">What to do: </Text>
              {adviceFor(run.error.code)}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={own.list} aria-label="Files in this upload">
        {run.items.map((item) => (
          <li key={item.fileName}>
            <Field
              label={
                <span className={own.top}>
                  <span className={own.name}>{item.fileName}</span>
                  {item.receipt && (
                    // The queue shows the transfer; the verdict, which comes later, is in the receipts.
                    <StatusBadge
                      {...(item.receipt.status === 'pending-verification'
                        ? { label: 'Received by the server', color: 'success' as const }
                        : RECEIPT_STATUS[item.receipt.status])}
                    />
                  )}
                </span>
              }
              validationState={
                item.state === 'failed' ? 'error' : item.state === 'stopped' ? 'warning' : 'none'
              }
              validationMessage={itemText(item)}
            >
              <ProgressBar
                value={item.state === 'sending' && item.total === null ? undefined : fraction(item)}
                max={1}
                thickness="large"
                color={
                  item.state === 'failed' ? 'error' : item.state === 'stopped' ? 'warning' : 'brand'
                }
                aria-valuetext={itemText(item)}
              />
            </Field>
          </li>
        ))}
      </ul>
      <div className={s.actions}>
        {running && (
          <Button
            icon={<StopRegular />}
            disabledFocusable={run.phase === 'stopping'}
            onClick={onStop}
          >
            Stop
          </Button>
        )}
        {(run.phase === 'stopped' || run.phase === 'failed') && (
          <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            Retry
          </Button>
        )}
        {!running && (
          <Button icon={<DismissRegular />} onClick={onDismiss}>
            Clear this list
          </Button>
        )}
      </div>
    </section>
  );
}
