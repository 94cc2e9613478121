// Recording a plan step (submitted, approved, returned): the day it happened (dd/mm/yyyy, today
// unless changed), an optional note and an optional e-mail or letter kept as evidence. ReturnDesk
// does not send the plan: the user records what they and HEFCE did.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ActionPlan } from '../../../shared/history/types';
import { calendarDateIn } from '../../../shared/dates';
import { formatIsoDate } from '../../../shared/history/wording';
import { useFormStyles } from '../../components/form-styles';
import { useSectionStyles } from '../../components/ScreenTitle';
import { UK_DATE_HINT, isoToUkDate, ukDateToIso } from './uk-date';

export type StepAction = 'submit' | 'approve' | 'return';

export const STEP_TEXT: Record<StepAction, { title: string; body: string; confirm: string }> = {
  submit: {
    title: 'Mark the plan as submitted',
    body: 'ReturnDesk does not send the plan: send it to HEFCE yourself (export it to Excel), then record the day you sent it. The e-mail you sent it with can be kept as evidence.',
    confirm: 'Mark as submitted',
  },
  approve: {
    title: 'Mark the plan as approved',
    body: "Record the day HEFCE approved the plan. Keep HEFCE's e-mail as evidence if you have it.",
    confirm: 'Mark as approved',
  },
  return: {
    title: 'Mark the plan as returned',
    body: 'Record that HEFCE returned this plan. Their reasons can be kept as a note; a returned plan is revised to make the next version.',
    confirm: 'Mark as returned',
  },
};

export interface StepValues {
  date: string;
  note?: string;
  evidence?: File;
}

interface Props {
  plan: ActionPlan;
  action: StepAction | null;
  onClose: () => void;
  onRecord: (action: StepAction, values: StepValues) => void;
}

export function StepDialog({ plan, action, onClose, onRecord }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const today = formatIsoDate(calendarDateIn(new Date()));
  const [date, setDate] = useState(isoToUkDate(today));
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const evidence = useRef<File | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const text = action ? STEP_TEXT[action] : undefined;
  const last = plan.steps.filter((x) => x.undoneAt === null).at(-1);

  const check = (): string | undefined => {
    const iso = ukDateToIso(date);
    if (iso === undefined) return `${date || 'The date'} is not a real date: write it dd/mm/yyyy.`;
    if (iso > today) return 'The date is in the future: give the day it happened.';
    if (last && iso < last.date)
      return `The date is before the previous step (${isoToUkDate(last.date)}).`;
    return undefined;
  };

  return (
    <Dialog open={action !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const problem = check();
            setDateError(problem);
            if (problem || !action) return dateInput.current?.focus();
            onRecord(action, {
              date: ukDateToIso(date) ?? date,
              note: note.trim() || undefined,
              evidence: evidence.current ?? undefined,
            });
            setNote('');
            evidence.current = null;
          }}
        >
          <DialogBody>
            <DialogTitle>{text?.title}</DialogTitle>
            <DialogContent className={s.form}>
              <Text block>{text?.body}</Text>
              <Field
                label="Date"
                required
                hint={dateError ? undefined : UK_DATE_HINT}
                validationState={dateError ? 'error' : 'none'}
                validationMessage={dateError}
              >
                <Input
                  ref={dateInput}
                  value={date}
                  autoComplete="off"
                  placeholder="dd/mm/yyyy"
                  onChange={(_, d) => setDate(d.value)}
                />
              </Field>
              <Field label="Note (optional)" hint="Kept with the plan's history.">
                <Textarea value={note} resize="vertical" onChange={(_, d) => setNote(d.value)} />
              </Field>
              <Field
                label="E-mail or letter (optional)"
                hint="An .eml, .msg, .pdf or .txt file, kept in the history with its SHA-256."
              >
                {(props) => (
                  <input
                    {...props}
                    className={f.file}
                    type="file"
                    accept=".eml,.msg,.pdf,.txt"
                    onChange={(e) => {
                      evidence.current = e.currentTarget.files?.[0] ?? null;
                    }}
                  />
                )}
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {text?.confirm}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
