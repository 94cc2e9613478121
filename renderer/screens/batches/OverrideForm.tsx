// The override: sending a 2011-12 batch without some earlier files, against HEFCE's rule, needs a
// reason, which the audit trail keeps with who gave it and when. Shown as given afterwards.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Batch } from '../../../shared/history/types';
import { inputs } from '../../../shared/ipc/contract';
import { useDraft } from '../../app/hooks';
import { useSectionStyles } from '../../components/ScreenTitle';
import { fieldErrors } from '../../forms/validation';
import { overrideText, uncovered } from './xml-batch-model';

interface Props {
  batch: Batch;
  busy: boolean;
  onOverride: (reason: string) => void;
}

export function OverrideForm({ batch, busy, onOverride }: Props) {
  const s = useSectionStyles();
  const [{ reason }, set, clear] = useDraft(`batches.${batch.id}.override`, { reason: '' });
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const o = batch.xml?.override ?? null;
  const left = uncovered(batch);
  const error = fieldErrors(inputs['batches.override'], {
    batchId: batch.id,
    reason,
  }).reason;
  const open = ['draft', 'signed_off', 'uploading'].includes(batch.status);
  return (
    <>
      {o && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Override</MessageBarTitle>
            <span>{overrideText(o)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {open && left.length > 0 && (
        <form
          noValidate
          className={s.form}
          aria-label="Override the re-submission rule"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (error) return input.current?.focus();
            onOverride(reason.trim());
            clear();
            setTried(false);
          }}
        >
          <Text>
            If HEFCE has told you to leave {left.length === 1 ? 'this file' : 'these files'} out,
            say why here: the batch can then be uploaded without {left.length === 1 ? 'it' : 'them'}
            , and your reason is kept in the audit trail with your name and the time.
          </Text>
          <Field
            label="Why are the earlier files left out?"
            required
            validationState={tried && error ? 'error' : 'none'}
            validationMessage={tried ? error : undefined}
          >
            <Textarea
              ref={input}
              value={reason}
              resize="vertical"
              onChange={(_, d) => set({ reason: d.value })}
            />
          </Field>
          <div className={s.actions}>
            <Button type="submit" disabledFocusable={busy}>
              Override and allow the upload
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
