// On arrival after a reload or a restart: the draft kept in the history, to continue or set aside;
// and "Start again", which asks first because it clears the draft too.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { formatDateTime } from '../../../app/format';
import { keptExtractsText } from './draft-codec';
import type { WizardDraft } from './use-wizard-draft';
import type { WizardState } from './wizard-state';

export function DraftOffer({ draft }: { draft: WizardDraft }) {
  const { offer } = draft;
  if (!offer) return null;
  const when = formatDateTime(offer.savedAt);
  const extracts = keptExtractsText(offer.extracts);
  return (
    <MessageBar intent="info" layout="multiline" role="region" aria-label="Draft kept">
      <MessageBarBody>
        <MessageBarTitle>A draft of a new file is kept</MessageBarTitle>
        {offer.label}
        {extracts && `; ${extracts}`}. Saved {when}.
        {draft.problem && <Text block>{draft.problem}</Text>}
      </MessageBarBody>
      <MessageBarActions>
        {draft.restoring ? (
          <Spinner size="tiny" label="Loading the draft…" />
        ) : (
          <>
            <Button appearance="primary" onClick={() => void draft.resume()}>
              Continue the draft from {when}
            </Button>
            <Button onClick={draft.decline}>Start afresh</Button>
          </>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * After "Continue the draft": each comparison the draft had and could not make again, while that
 * file is still uncompared (comparing again clears it), so no one finalises every record unawares.
 */
export function LostComparisons({ draft, state }: { draft: WizardDraft; state: WizardState }) {
  const lost = (['L', 'A', 'H'] as const)
    .filter((d) => state.parts[d].returned === null)
    .map((d) => draft.lostComparisons[d])
    .filter((text): text is string => text !== undefined);
  if (lost.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Compare again</MessageBarTitle>
        {lost.map((text) => (
          <Text block key={text}>
            {text}
          </Text>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export function StartAgainDialog({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Start again?</DialogTitle>
          <DialogContent>
            <Text block>
              Everything entered in this wizard is cleared: the plan row, description and notes, the
              extracts loaded, the columns matched and the records and fields chosen, and the draft
              kept in your history. Files already finalised stay in the history.
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Clear and start again
            </Button>
            <Button onClick={onCancel}>Keep working</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
