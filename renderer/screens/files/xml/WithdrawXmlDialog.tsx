// Withdrawing an XML file asks first, with the reason required: a withdrawn file stops counting
// for HEFCE's rule that later batches re-send every earlier file, and the reason is audited.
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
} from '@fluentui/react-components';
import { useState } from 'react';
import { inputs } from '../../../../shared/ipc/contract';
import { fieldErrors } from '../../../forms/validation';

interface Props {
  /** The file to withdraw; null keeps the dialog closed. */
  name: string | null;
  busy?: boolean;
  onConfirm: (name: string, reason: string) => void;
  onCancel: () => void;
}

export function WithdrawXmlDialog({ name, busy, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const error = fieldErrors(inputs['xmlFiles.withdraw'], {
    name: name ?? 'x',
    reason,
  }).reason;
  const close = () => {
    setReason('');
    setTried(false);
    onCancel();
  };
  return (
    <Dialog open={name !== null} onOpenChange={(_, d) => !d.open && close()} modalType="alert">
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (error || !name) return;
            onConfirm(name, reason.trim());
            setReason('');
            setTried(false);
          }}
        >
          <DialogBody>
            <DialogTitle>Withdraw {name}?</DialogTitle>
            <DialogContent>
              <Text block>
                The file stays in the history, marked withdrawn with your reason. Later batches no
                longer need to send it again, it is taken out of any batch not yet sent, and it
                cannot go into a batch again. This cannot be undone.
              </Text>
              <Field
                label="Why is the file withdrawn?"
                required
                validationState={tried && error ? 'error' : 'none'}
                validationMessage={tried ? error : undefined}
              >
                <Textarea
                  value={reason}
                  onChange={(_, d) => setReason(d.value)}
                  resize="vertical"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                Withdraw the file
              </Button>
              <Button onClick={close}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
