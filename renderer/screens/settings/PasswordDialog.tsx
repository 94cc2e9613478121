// Asks for a destination's password: to keep it in the vault, or to use it once for a connection
// test. The password lives only in this dialog and is gone when it closes.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { passwordProblem } from '../../forms/destination-form';
import { SecretField } from '../../components/SecretFields';

export interface PasswordRequest {
  title: string;
  explanation: string;
  confirmLabel: string;
  /** Whether to show the vault note: only when the password is meant to be kept. */
  keeping: boolean;
  onConfirm: (password: string) => void;
}

interface Props {
  request: PasswordRequest | null;
  vaultAvailable: boolean;
  onClose: () => void;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function PasswordDialog({ request, vaultAvailable, onClose }: Props) {
  const s = useStyles();
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password);
  const close = () => {
    setPassword('');
    setTried(false);
    onClose();
  };
  const confirm = () => {
    setTried(true);
    if (problem || !request) return;
    request.onConfirm(password);
    close();
  };
  return (
    <Dialog open={request !== null} onOpenChange={(_, d) => !d.open && close()} modalType="modal">
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{request?.title}</DialogTitle>
            <DialogContent className={s.content}>
              <Text block>{request?.explanation}</Text>
              <SecretField
                label="Password"
                required
                value={password}
                onChange={setPassword}
                onBlur={() => password !== '' && setTried(true)}
                error={tried ? problem : undefined}
                vaultAvailable={vaultAvailable}
                withNote={request?.keeping}
              />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {request?.confirmLabel}
              </Button>
              <Button onClick={close}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
