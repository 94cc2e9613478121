// The guide's confirmation, word for word: 'Are you sure you want to upload "FILE.csv" for this
// submission?' with the Reporting Period, Template and Due Date. A file the check found errors in
// needs one more thing: the user ticks that they know, and only then may Upload be pressed. The
// password is asked for here when none is stored; it lives only in this dialog.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CsvCheckView, DataRequestView } from '../../../shared/ipc/portal';
import { passwordProblem } from '../../forms/destination-form';
import { SecretField } from '../../components/SecretFields';
import { RequestFacts } from './RequestFacts';
import {
  acknowledgementLabel,
  canConfirm,
  confirmQuestion,
  needsAcknowledgement,
} from './upload-model';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  warning: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

export interface UploadConfirmation {
  request: DataRequestView;
  fileName: string;
  check: CsvCheckView;
  askPassword: boolean;
}

interface Props {
  confirm: UploadConfirmation | null;
  username: string | undefined;
  vaultAvailable: boolean;
  onConfirm: (acknowledged: boolean, password: string | undefined) => void;
  onCancel: () => void;
}

export function ConfirmPortalUploadDialog({ confirm, ...p }: Props) {
  const s = useStyles();
  const [acknowledged, setAcknowledged] = useState(false);
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const askPassword = confirm?.askPassword ?? false;
  const problem = askPassword ? passwordProblem(password) : undefined;
  const ackNeeded = confirm ? needsAcknowledgement(confirm.check) : false;
  const ready = confirm ? canConfirm(confirm.check, acknowledged) : false;
  const reset = () => {
    setAcknowledged(false);
    setPassword('');
    setTried(false);
  };
  const cancel = () => {
    reset();
    p.onCancel();
  };
  return (
    <Dialog open={confirm !== null} modalType="alert" onOpenChange={(_, d) => !d.open && cancel()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (!ready || problem) return;
            const given = askPassword ? password : undefined;
            const known = acknowledged;
            reset();
            p.onConfirm(known, given);
          }}
        >
          <DialogBody>
            <DialogTitle>{confirm ? confirmQuestion(confirm.fileName) : ''}</DialogTitle>
            <DialogContent className={s.content}>
              <RequestFacts request={confirm?.request ?? null} />
              {confirm && ackNeeded && (
                <div className={s.warning}>
                  <Checkbox
                    checked={acknowledged}
                    onChange={(_, d) => setAcknowledged(d.checked === true)}
                    label={acknowledgementLabel(confirm.check)}
                  />
                </div>
              )}
              {askPassword && (
                <SecretField
                  label={`Password for ${p.username ?? 'this destination'}`}
                  hint="Used for this upload only; ReturnDesk does not keep it."
                  required
                  value={password}
                  onChange={setPassword}
                  onBlur={() => password !== '' && setTried(true)}
                  error={tried ? problem : undefined}
                  vaultAvailable={p.vaultAvailable}
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={!ready}>
                Upload
              </Button>
              <Button onClick={cancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
