// Sign-off: the name of the person approving the batch for sending. HEFCE asks for signed-off
// data; the history withdraws a sign-off when the files change, and says so.
import { Button, Field, Input, Text, makeStyles } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { inputs } from '../../../shared/ipc/contract';
import { fieldErrors } from '../../forms/validation';
import { useDraft } from '../../app/hooks';
import { useSectionStyles } from '../../components/ScreenTitle';

const useStyles = makeStyles({ name: { width: '22rem' } });

interface Props {
  batchId: number;
  busy: boolean;
  onSignOff: (by: string) => void;
}

export function SignOffForm({ batchId, busy, onSignOff }: Props) {
  const s = useSectionStyles();
  const own = useStyles();
  const [{ by }, set, clear] = useDraft(`batches.${batchId}.signOff`, { by: '' });
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const error = fieldErrors(inputs['batches.signOff'], { batchId, by }).by;
  return (
    <form
      noValidate
      className={s.form}
      aria-label="Sign off the batch"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (error) return input.current?.focus();
        onSignOff(by.trim());
        clear();
        setTried(false);
      }}
    >
      <Text>By signing off you confirm these files are the ones to send for this action plan.</Text>
      <Field
        className={own.name}
        label="Name of the person signing off"
        required
        validationState={tried && error ? 'error' : 'none'}
        validationMessage={tried ? error : undefined}
      >
        <Input
          ref={input}
          value={by}
          autoComplete="name"
          onChange={(_, d) => set({ by: d.value })}
        />
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Sign off batch
        </Button>
      </div>
    </form>
  );
}
