// The plan's lifecycle buttons (only those its status allows): marking it submitted, approved or
// returned with the day, a note and evidence; undoing the last of those; revising; and the Excel
// export.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ActionPlan } from '../../../shared/history/types';
import type { PlanAction } from '../../../shared/history/lifecycle';
import { currentStep, undoWording } from '../../../shared/history/plan-wording';
import { useApi } from '../../app/hooks';
import { XLSX_TYPE, downloadBase64, fileToBase64 } from '../../app/bytes';
import { fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { ACTION_DONE, ACTION_LABEL, actionBlocked, availableActions } from './plan-model';
import { StepDialog } from './StepDialog';
import type { StepAction, StepValues } from './StepDialog';

const REVISE_TEXT = {
  title: 'Revise the plan',
  body: 'Make a new draft version with the same rows. This version stays as it is, read-only, as evidence of what was sent.',
  confirm: 'Make a revised version',
};

interface Props {
  plan: ActionPlan;
  onDone: (notice: NoticeMessage, plan?: ActionPlan) => void;
}

export function PlanActions({ plan, onDone }: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [stepping, setStepping] = useState<StepAction | null>(null);
  const [revising, setRevising] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [note, setNote] = useState('');

  const record = async (action: StepAction, v: StepValues) => {
    setStepping(null);
    setBusy(true);
    let evidence: { fileName: string; base64: string } | undefined;
    if (v.evidence) {
      const read = await fileToBase64(v.evidence);
      if (!read.ok) {
        setBusy(false);
        return onDone(fromError(read.error, 'The e-mail could not be read'));
      }
      evidence = { fileName: v.evidence.name, base64: read.value };
    }
    const r = await api['plans.move']({
      planId: plan.id,
      action,
      date: v.date,
      note: v.note,
      evidence,
    });
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, `${ACTION_LABEL[action].replace('…', '')} failed`));
    onDone({ intent: 'success', text: ACTION_DONE[action](r.value) }, r.value);
  };

  const revise = async () => {
    setRevising(false);
    setBusy(true);
    const r = await api['plans.revise']({ planId: plan.id, note: note.trim() || undefined });
    setNote('');
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, 'Revising the plan failed'));
    onDone({ intent: 'success', text: ACTION_DONE.revise(r.value) }, r.value);
  };

  const undo = async () => {
    setUndoing(false);
    setBusy(true);
    const r = await api['plans.undo']({ planId: plan.id });
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, 'The step was not undone'));
    const back = r.value.plan.status === 'draft' ? 'a draft' : r.value.plan.status;
    onDone({ intent: 'success', text: `Undone: plan ${plan.id} is ${back} again.` }, r.value.plan);
  };

  const exportXlsx = async () => {
    setBusy(true);
    const r = await api['plans.exportXlsx']({ planId: plan.id });
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, 'The plan was not exported'));
    downloadBase64(r.value.fileName, r.value.base64, XLSX_TYPE);
    onDone({ intent: 'success', text: `Exported ${r.value.fileName}.` });
  };

  const open = (action: PlanAction) =>
    action === 'revise' ? setRevising(true) : setStepping(action);
  const canUndo = plan.status !== 'draft' && plan.revisedById === null;
  const step = currentStep(plan);
  return (
    <div className={s.actions}>
      {availableActions(plan).map((action) => {
        const blocked = actionBlocked(plan, action);
        const button = (
          <Button
            key={action}
            appearance={action === 'return' ? 'secondary' : 'primary'}
            disabledFocusable={busy || blocked !== null}
            onClick={() => open(action)}
          >
            {ACTION_LABEL[action]}
          </Button>
        );
        return blocked ? (
          <Tooltip key={action} content={blocked} relationship="description">
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
      {canUndo && (
        <Button
          icon={<ArrowUndoRegular />}
          disabledFocusable={busy}
          onClick={() => setUndoing(true)}
        >
          Undo “marked as {plan.status}”…
        </Button>
      )}
      <Button
        icon={<ArrowDownloadRegular />}
        disabledFocusable={busy}
        onClick={() => void exportXlsx()}
      >
        Export to Excel (.xlsx)
      </Button>
      <StepDialog
        plan={plan}
        action={stepping}
        onClose={() => setStepping(null)}
        onRecord={(a, v) => void record(a, v)}
      />
      <Dialog open={undoing} onOpenChange={(_, d) => !d.open && setUndoing(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Undo “marked as {plan.status}”?</DialogTitle>
            <DialogContent>
              <Text block>
                {undoWording(plan) ??
                  `Undoing this returns the plan to ${plan.status === 'submitted' ? 'a draft' : 'submitted'}.`}{' '}
                The step stays in the plan's history, marked undone.
                {step?.evidence ? ` ${step.evidence.name} stays kept in the history.` : ''} Once a
                file has been finalised against the plan, it can no longer be undone.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void undo()}>
                Undo
              </Button>
              <Button onClick={() => setUndoing(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={revising} onOpenChange={(_, d) => !d.open && setRevising(false)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void revise();
            }}
          >
            <DialogBody>
              <DialogTitle>{REVISE_TEXT.title}</DialogTitle>
              <DialogContent className={s.form}>
                <Text block>{REVISE_TEXT.body}</Text>
                <Field label="Note (optional)" hint="Kept with the plan's history.">
                  <Textarea value={note} resize="vertical" onChange={(_, d) => setNote(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary">
                  {REVISE_TEXT.confirm}
                </Button>
                <Button onClick={() => setRevising(false)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
