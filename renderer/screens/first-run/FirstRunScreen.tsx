// The first thing a new user sees: who the returns are for, where files go (optional, and can be
// done later in Settings), and where ReturnDesk keeps its history. Progress is kept as a draft,
// so a failure on this screen does not send the user back to step 1.
import { Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { AppInfo, DestinationView, Provider } from '../../../shared/ipc/views';
import { useDraft } from '../../app/hooks';
import type { NoticeMessage } from '../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { AddDestinationForm, secretsOutcome } from '../settings/AddDestinationForm';
import { DoneStep } from './DoneStep';
import { ProviderStep } from './ProviderStep';
import { STEPS, stepHeading } from './steps';
import type { FirstRunStep } from './steps';

const useStyles = makeStyles({
  page: { maxWidth: '60rem' },
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    listStyle: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
  },
  step: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  folder: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  stepTitle: { ':focus': { outline: 'none' } },
});

interface Progress {
  step: FirstRunStep;
  provider: Provider | null;
  destination: DestinationView | null;
  secrets: NoticeMessage | null;
}

const START: Progress = { step: 'provider', provider: null, destination: null, secrets: null };

export function FirstRunScreen({ info, onFinished }: { info: AppInfo; onFinished: () => void }) {
  const s = useStyles();
  const section = useSectionStyles();
  const [progress, setProgress] = useDraft<Progress>('first-run', START);
  const stepTitle = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const at = STEPS.findIndex((x) => x.id === progress.step);

  useEffect(() => {
    // Announce the new step and start Tab from it; not on first arrival, where the page title leads.
    if (moved.current) stepTitle.current?.focus();
    moved.current = true;
  }, [progress.step]);

  return (
    <div className={s.page}>
      <ScreenTitle title="Welcome">Welcome to ReturnDesk</ScreenTitle>
      <ol className={s.steps} aria-label="Steps">
        {STEPS.map((x, i) => (
          <li
            key={x.id}
            className={mergeClasses(s.step, i === at && s.current)}
            aria-current={i === at ? 'step' : undefined}
          >
            {i < at ? <CheckmarkCircleRegular aria-hidden /> : <CircleRegular aria-hidden />}
            {x.label}
            {i < at && <span className={section.muted}> (done)</span>}
          </li>
        ))}
      </ol>
      <section className={section.section} aria-labelledby="first-run-step">
        <h2
          id="first-run-step"
          ref={stepTitle}
          tabIndex={-1}
          className={mergeClasses(section.heading, s.stepTitle)}
        >
          {stepHeading(progress.step)}
        </h2>
        {progress.step === 'provider' && (
          <ProviderStep onAdded={(provider) => setProgress({ provider, step: 'destination' })} />
        )}
        {progress.step === 'destination' && (
          <>
            <Text block>
              The extranet or portal you send files to. You can add it now or later in Settings.
            </Text>
            <AddDestinationForm
              draftKey="first-run.destination"
              vaultAvailable={info.vault.available}
              saveLabel="Save destination"
              otherLabel="Skip for now"
              onOther={() => setProgress({ step: 'done' })}
              onSaved={(added) =>
                setProgress({
                  step: 'done',
                  destination: added.destination,
                  secrets: secretsOutcome(added),
                })
              }
            />
          </>
        )}
        {progress.step === 'done' && (
          <DoneStep
            provider={progress.provider}
            destination={progress.destination}
            secrets={progress.secrets}
            onFinished={onFinished}
          />
        )}
      </section>
      <section className={section.section} aria-label="Data folder">
        <Text block weight="semibold">
          Where ReturnDesk keeps your history
        </Text>
        <Text block className={s.folder}>
          {info.dataFolder}
        </Text>
        <Text block className={section.muted}>
          Every file, batch, upload and receipt is kept here, with automatic backups.{' '}
          {info.vault.available
            ? 'Passwords are not: they go to this computer’s credential vault.'
            : 'Passwords are not kept anywhere: this computer has no credential vault, so ReturnDesk asks for them each time.'}
        </Text>
      </section>
    </div>
  );
}
