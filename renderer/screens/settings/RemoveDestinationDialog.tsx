// Removing a destination asks first, and says what is kept: receipts of what was sent there stay
// in the history. Main refuses while an upload to it is unfinished, naming the files.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';

interface Props {
  destination: DestinationView | null;
  onClose: () => void;
  onRemoved: (notice: NoticeMessage) => void;
}

export function RemoveDestinationDialog({ destination: d, onClose, onRemoved }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const close = () => {
    setNotice(null);
    onClose();
  };
  const remove = async () => {
    if (!d) return;
    setBusy(true);
    const r = await api['destinations.remove']({ destinationId: d.id });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The destination was not removed'));
    setNotice(null);
    onRemoved({
      intent: 'success',
      text:
        r.value.keptAs === null
          ? `Removed ${r.value.removed}.`
          : `Removed ${r.value.removed}. Its receipts are kept in the history, under “${r.value.keptAs}”.`,
    });
  };
  return (
    <Dialog
      open={d !== null}
      modalType="alert"
      onOpenChange={(_, o) => !o.open && !busy && close()}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Remove {d?.name}?</DialogTitle>
          <DialogContent>
            <Text block>
              {d?.name} will no longer be offered for uploads or data portal refreshes, and its
              password and group key are forgotten. Receipts of files already sent there stay in the
              history.
            </Text>
            <LiveNotice notice={notice} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void remove()}>
              Remove
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
