// Where the credential vault cannot be reached, the app asks once per session for the audit
// passphrase, from which the key that seals the audit trail's entries is derived. It is held in
// main's memory for the session only; skipping leaves the entries hash-chained only, as is said.
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
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useSectionStyles } from '../components/ScreenTitle';
import { useApi } from './hooks';

export function AuditPassphrase() {
  const api = useApi();
  const f = useSectionStyles();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    void api['audit.keyState']().then((r) => {
      if (r.ok && r.value.ask) {
        setChosen(r.value.passphraseChosen);
        setOpen(true);
      }
    });
  }, [api]);

  const answer = async (input: { passphrase: string } | { skip: true }) => {
    const r = await api['audit.setPassphrase'](input);
    if (!r.ok) return setProblem(r.error.message);
    setPassphrase('');
    setOpen(false);
  };

  return (
    <Dialog open={open} modalType="alert">
      <DialogSurface aria-label="Audit passphrase">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (passphrase === '') return setProblem('Enter the audit passphrase, or skip.');
            void answer({ passphrase });
          }}
        >
          <DialogBody>
            <DialogTitle>Audit passphrase</DialogTitle>
            <DialogContent className={f.form}>
              <Text block>
                The system credential vault is not available, so the key that seals the audit trail
                cannot be kept there. ReturnDesk can derive it from a passphrase instead:
                {chosen
                  ? ' enter the one chosen for this history.'
                  : ' choose one and keep it safe; it is asked for once each time ReturnDesk starts.'}{' '}
                It is held in memory for this session only and never stored.
              </Text>
              <Field
                label="Audit passphrase"
                validationState={problem ? 'error' : 'none'}
                validationMessage={problem}
              >
                <Input
                  type="password"
                  value={passphrase}
                  autoComplete="off"
                  onChange={(_, d) => setPassphrase(d.value)}
                />
              </Field>
              <Text block>
                If you skip, changes this session are hash-chained only: they cannot be proven
                unchanged later.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Use this passphrase
              </Button>
              <Button onClick={() => void answer({ skip: true })}>Skip</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
