// The plan's lifecycle buttons (only those its status allows), a note for returning or revising,
// and the Excel export.
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
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ActionPlan } from '../../../shared/history/types';
import type { PlanAction } from '../../../shared/history/lifecycle';
import { useApi } from '../../app/hooks';
import { XLSX_TYPE, downloadBase64 } from '../../app/bytes';
import { fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { ACTION_DONE, ACTION_LABEL, actionBlocked, availableActions } from './plan-model';

const NOTE_TEXT: Partial<Record<PlanAction, { title: string; body: string; confirm: string }>> = {
  return: {
    title: 'Return the plan',
    body: 'Record that HEFCE returned this plan. Their reasons can be kept as a note; a returned plan is revised to make the next version.',
    confirm: 'Return plan',
  },
  revise: {
    title: 'Revise the plan',
    body: 'Make a new draft version with the same rows. This version stays as it is, read-only, as evidence of what was sent.',
    confirm: 'Make a revised version',
  },
};

interface Props {
  plan: ActionPlan;
  onDone: (notice: NoticeMessage, plan?: ActionPlan) => void;
}

export function PlanActions({ plan, onDone }: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<PlanAction | null>(null);
  const [note, setNote] = useState('');

  const run = async (action: PlanAction, withNote?: string) => {
    setBusy(true);
    const trimmed = withNote?.trim() || undefined;
    const r =
      action === 'revise'
        ? await api['plans.revise']({ planId: plan.id, note: trimmed })
        : await api['plans.move']({ planId: plan.id, action, note: trimmed });
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, `${ACTION_LABEL[action].replace('…', '')} failed`));
    onDone({ intent: 'success', text: ACTION_DONE[action](r.value) }, r.value);
  };

  const exportXlsx = async () => {
    setBusy(true);
    const r = await api['plans.exportXlsx']({ planId: plan.id });
    setBusy(false);
    if (!r.ok) return onDone(fromError(r.error, 'The plan was not exported'));
    downloadBase64(r.value.fileName, r.value.base64, XLSX_TYPE);
    onDone({ intent: 'success', text: `Exported ${r.value.fileName}.` });
  };

  const asked = asking ? NOTE_TEXT[asking] : undefined;
  return (
    <div className={s.actions}>
      {availableActions(plan).map((action) => {
        const blocked = actionBlocked(plan, action);
        const button = (
          <Button
            key={action}
            appearance={action === 'return' ? 'secondary' : 'primary'}
            disabledFocusable={busy || blocked !== null}
            onClick={() => (NOTE_TEXT[action] ? setAsking(action) : void run(action))}
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
      <Button
        icon={<ArrowDownloadRegular />}
        disabledFocusable={busy}
        onClick={() => void exportXlsx()}
      >
        Export to Excel (.xlsx)
      </Button>
      <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && setAsking(null)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const action = asking;
              setAsking(null);
              setNote('');
              if (action) void run(action, note);
            }}
          >
            <DialogBody>
              <DialogTitle>{asked?.title}</DialogTitle>
              <DialogContent className={s.form}>
                <Text block>{asked?.body}</Text>
                <Field label="Note (optional)" hint="Kept with the plan's history.">
                  <Textarea value={note} resize="vertical" onChange={(_, d) => setNote(d.value)} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary">
                  {asked?.confirm}
                </Button>
                <Button onClick={() => setAsking(null)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
