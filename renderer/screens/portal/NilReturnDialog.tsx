// "No data to submit": the user confirms the template and period before ReturnDesk records the
// nil return (on the portal first, when the request came from one). The password is asked for here
// when none is stored; it lives only in this dialog.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { DataRequestView } from '../../../shared/ipc/portal';
import type { AppError } from '../../../shared/ipc/result';
import { passwordProblem } from '../../forms/destination-form';
import { LiveNotice, fromError } from '../../components/Notice';
import { SecretField } from '../../components/SecretFields';
import { nilReturnExplanation, nilReturnQuestion } from './portal-model';
import { RequestFacts } from './RequestFacts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

interface Props {
  request: DataRequestView | null;
  askPassword: boolean;
  username: string | undefined;
  vaultAvailable: boolean;
  busy: boolean;
  error: AppError | null;
  onConfirm: (password: string | undefined) => void;
  onCancel: () => void;
}

export function NilReturnDialog({ request, askPassword, busy, error, ...p }: Props) {
  const s = useStyles();
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const problem = askPassword ? passwordProblem(password) : undefined;
  // Focus starts on Cancel, so a stray Enter does not record a nil return; where a password is
  // asked for, on its field (the dialog's own first focus). This runs after the dialog's.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const open = request !== null;
  useEffect(() => {
    if (open && !askPassword) cancelButton.current?.focus();
  }, [open, askPassword]);
  const cancel = () => {
    setPassword('');
    setTried(false);
    p.onCancel();
  };
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open && !busy) cancel();
      }}
    >
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (problem || busy) return;
            p.onConfirm(askPassword ? password : undefined);
            setPassword('');
            setTried(false);
          }}
        >
          <DialogBody>
            <DialogTitle>{request ? nilReturnQuestion(request) : ''}</DialogTitle>
            <DialogContent className={s.content}>
              <RequestFacts request={request} />
              {request && <Text>{nilReturnExplanation(request)}</Text>}
              {askPassword && (
                <SecretField
                  label={`Password for ${p.username ?? 'this destination'}`}
                  hint="Used this once; ReturnDesk does not keep it."
                  required
                  value={password}
                  onChange={setPassword}
                  onBlur={() => password !== '' && setTried(true)}
                  error={tried ? problem : undefined}
                  vaultAvailable={p.vaultAvailable}
                />
              )}
              <LiveNotice notice={error && fromError(error, 'The nil return was not recorded')} />
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                disabledFocusable={busy}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                No data to submit
              </Button>
              <Button ref={cancelButton} disabledFocusable={busy} onClick={cancel}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
