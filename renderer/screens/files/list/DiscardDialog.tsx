// Discarding asks first, and says what happens to the file's NN.
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
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import { seqLabel } from './file-list-model';

interface Props {
  file: StoredAmendmentFile | null;
  onConfirm: (f: StoredAmendmentFile) => void;
  onCancel: () => void;
}

export function DiscardDialog({ file, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={file !== null} onOpenChange={(_, d) => !d.open && onCancel()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Discard {file?.name}?</DialogTitle>
          <DialogContent>
            <Text block>
              The file stays in the history, marked discarded, and can no longer be added to a batch
              or sent. Its NN ({file ? seqLabel(file) : ''}) is released only if it is the latest
              one and no other file of its set holds it; otherwise it is never given to another
              file.
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => file && onConfirm(file)}>
              Discard the file
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
