// The new-file wizard: plan row → (per data set) extract → columns → records → fields → preview →
// finalise. One reducer holds everything, in the drafts above the error boundary; the extracts
// live in workers kept beside it. Back never loses anything; Next says why it cannot go on yet.
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi, useLoaded } from '../../../app/hooks';
import { LiveNotice } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { mappingToSave } from '../engine/mapping';
import { useDraftObject, useDraftReducer } from '../use-draft-reducer';
import { ExtractWorkers } from '../workers/registry';
import { ColumnsStep } from './ColumnsStep';
import { ExtractStep } from './ExtractStep';
import { FieldsStep } from './FieldsStep';
import { FinaliseStep } from './FinaliseStep';
import { PreviewStep } from './PreviewStep';
import { RecordsStep } from './RecordsStep';
import { RowStep, chosenRow } from './RowStep';
import { rowDataSet } from './defaults';
import { START, isLocked, wizardReducer } from './wizard-state';
import { StepList } from './StepList';
import { DraftOffer, LostComparisons, StartAgainDialog } from './DraftOffer';
import { useWizardDraft } from './use-wizard-draft';
import { blockedBy, reachable, stepTitle, stepsOf } from './wizard-steps';

const useStyles = makeStyles({
  title: { ':focus': { outline: 'none' } },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function NewFileWizard({
  planId,
  rowRef,
}: {
  planId: number | null;
  rowRef: number | null;
}) {
  const s = useStyles();
  const section = useSectionStyles();
  const api = useApi();
  const [state, dispatch] = useDraftReducer('files.new', wizardReducer, START);
  const workers = useDraftObject('files.new.workers', () => new ExtractWorkers());
  const plans = useLoaded((a) => a['plans.list']({}));
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const blockedId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const steps = stepsOf(state);
  const at = Math.min(state.step, steps.length - 1);
  const step = steps[at] ?? { id: 'row' as const, dataSet: null };
  const blocked = blockedBy(state, step);
  const locked = isLocked(state);
  const draft = useWizardDraft(
    state,
    dispatch,
    workers,
    planId && rowRef ? `${planId}:${rowRef}` : null,
  );
  const [confirming, setConfirming] = useState(false);

  // #/files/new?plan=ID&ref=N starts from that row (a fresh wizard if the last one was finished).
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current || !planId || !rowRef || !plans.value) return;
    preselected.current = true;
    if (state.row?.planId === planId && state.row.ref === rowRef) return;
    const plan = plans.value.find(
      (p) => p.id === planId && p.status === 'approved' && p.revisedById === null,
    );
    const row = plan?.rows.find((r) => r.ref === rowRef);
    if (!plan || !row) {
      setNotice({
        intent: 'warning',
        text: `Plan ${planId}, row ${rowRef} is not an approved plan row; choose one below.`,
      });
      return;
    }
    if (isLocked(state)) {
      workers.stopAll();
      dispatch({ type: 'reset' });
    }
    dispatch({ type: 'row', row: chosenRow(plan, row), dataSet: rowDataSet(row.fields) });
    dispatch({ type: 'go', step: 0 });
  }, [planId, rowRef, plans.value, state, dispatch, workers]);

  const moved = useRef(false);
  useEffect(() => {
    // Announce the new step and start Tab from it; not on arrival, where the screen title leads.
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [at]);

  const go = (i: number) => dispatch({ type: 'go', step: i });

  const next = () => {
    if (blocked) return;
    if (step.id === 'columns' && step.dataSet && state.row) {
      // Remembered for the next extract from this provider; a failure here does not stop the user.
      const part = state.parts[step.dataSet];
      const upin = state.row.upin;
      void api['mappings.get']({ upin }).then((saved) => {
        const mapping = mappingToSave(
          part.extract?.header ?? [],
          part.codes,
          saved.ok ? saved.value : {},
        );
        if (mapping) void api['mappings.save']({ upin, mapping });
      });
    }
    go(at + 1);
  };

  const restart = () => {
    setConfirming(false);
    draft.discard();
    workers.stopAll();
    dispatch({ type: 'reset' });
  };

  const body = () => {
    const d = step.dataSet;
    const common = { state, dispatch, workers };
    switch (step.id) {
      case 'row':
        return <RowStep state={state} dispatch={dispatch} plans={plans} />;
      case 'extract':
        return d && <ExtractStep {...common} dataSet={d} />;
      case 'columns':
        return d && <ColumnsStep state={state} dataSet={d} dispatch={dispatch} />;
      case 'records':
        return d && <RecordsStep {...common} dataSet={d} />;
      case 'fields':
        return d && <FieldsStep {...common} dataSet={d} />;
      case 'preview':
        return d && <PreviewStep {...common} dataSet={d} />;
      case 'finalise':
        return <FinaliseStep {...common} onRestart={restart} />;
    }
  };

  return (
    <>
      <DraftOffer draft={draft} />
      <LostComparisons draft={draft} state={state} />
      <StartAgainDialog
        open={confirming}
        onConfirm={restart}
        onCancel={() => setConfirming(false)}
      />
      <StepList steps={steps} at={at} furthest={reachable(state)} locked={locked} onGo={go} />
      <LiveNotice notice={notice} />
      <section className={section.section} aria-labelledby="files-wizard-step">
        <h2
          id="files-wizard-step"
          ref={heading}
          tabIndex={-1}
          className={mergeClasses(section.heading, s.title)}
        >
          {stepTitle(step, state.row?.kind ?? null)}
        </h2>
        {body()}
        {!(locked && step.id === 'finalise') && (
          <div className={s.footer}>
            {at > 0 && !locked && (
              <Button icon={<ArrowLeftRegular />} onClick={() => go(at - 1)}>
                Back
              </Button>
            )}
            {step.id !== 'finalise' && (
              <Button
                appearance="primary"
                icon={<ArrowRightRegular />}
                iconPosition="after"
                disabledFocusable={blocked !== null}
                aria-describedby={blocked ? blockedId : undefined}
                onClick={next}
              >
                Next
              </Button>
            )}
            {blocked && step.id !== 'finalise' && (
              <Text id={blockedId} className={section.muted}>
                {blocked}
              </Text>
            )}
            {draft.saving && (
              <Text role="status" className={section.muted}>
                {draft.saving === 'saving'
                  ? 'Saving the draft…'
                  : draft.saving === 'saved'
                    ? 'Draft kept in your history.'
                    : `The draft could not be saved: ${draft.saving}`}
              </Text>
            )}
            {!locked && at > 0 && (
              <Button appearance="subtle" onClick={() => setConfirming(true)}>
                Start again…
              </Button>
            )}
          </div>
        )}
      </section>
    </>
  );
}
