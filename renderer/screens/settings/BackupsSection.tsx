// Backups of the history: made automatically, or now on request. What each holds can be looked at
// first; restoring one shows that again and asks, and says that the current history is itself
// backed up before it is replaced. A backup unfit to restore says why instead.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArchiveRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { BackupContentsView, BackupView } from '../../../shared/ipc/views';
import { backupHolds } from '../../../shared/history/backup-contents';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { formatBytes, formatDateTime } from '../../app/format';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

const useStyles = makeStyles({
  name: { width: '45%' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

const holds = (c: BackupContentsView) => backupHolds(c, formatDateTime);

export function BackupsSection() {
  const s = useSectionStyles();
  const own = useStyles();
  const api = useApi();
  const headingId = useId();
  const backups = useLoaded((a) => a['backups.list']());
  useApiEvent('history.changed', backups.reload);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupContentsView | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [preview, setPreview] = useState<NoticeMessage | null>(null);
  // Where focus goes back to when the confirmation closes (it has no DialogTrigger).
  const restoreFocusTarget = useRestoreFocusTarget();

  const backUp = async () => {
    setBusy(true);
    const r = await api['backups.create']();
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'No backup was made'));
    setNotice({
      intent: 'success',
      text: `Backup made: ${r.value.name} (${formatBytes(r.value.bytes)}).`,
    });
    backups.reload();
  };

  /** What the backup holds, or why it cannot be restored (shown in place of it). */
  const look = async (b: BackupView): Promise<BackupContentsView | null> => {
    setBusy(true);
    const r = await api['backups.describe']({ name: b.name });
    setBusy(false);
    setPreview(r.ok ? null : fromError(r.error, `${b.name} cannot be restored`));
    return r.ok ? r.value : null;
  };

  const showContents = async (b: BackupView) => {
    const c = await look(b);
    if (c)
      setPreview({
        intent: 'info',
        title: `What's in ${c.name}`,
        text: `It holds ${holds(c)}.`,
      });
  };

  const askToRestore = async (b: BackupView) => {
    const c = await look(b);
    if (c) setConfirming(c);
  };

  const restore = async (b: BackupView) => {
    setConfirming(null);
    setBusy(true);
    setNotice({ intent: 'info', text: `Restoring ${b.name}…` });
    const r = await api['backups.restore']({ name: b.name });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The backup was not restored'));
    setNotice({
      intent: 'success',
      text: `Restored ${r.value.restored}. The history as it was just before is kept as ${r.value.safetyBackup}.`,
    });
    backups.reload();
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Backups
      </h2>
      <Text className={s.muted}>
        ReturnDesk backs up its history automatically. Make one yourself before a big change.
      </Text>
      <div className={s.actions}>
        <Button icon={<ArchiveRegular />} disabledFocusable={busy} onClick={() => void backUp()}>
          Make a backup now
        </Button>
      </div>
      <LiveNotice notice={notice} />
      <LiveNotice notice={preview} />
      <LiveNotice notice={backups.error && fromError(backups.error)} />
      {backups.value?.length === 0 && <Text>No backups yet.</Text>}
      {backups.value && backups.value.length > 0 && (
        <Table aria-labelledby={headingId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={own.name}>Backup</TableHeaderCell>
              <TableHeaderCell>Made</TableHeaderCell>
              <TableHeaderCell>Size</TableHeaderCell>
              <TableHeaderCell>
                <span className={s.muted}>Action</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {backups.value.map((b) => (
              <TableRow key={b.name}>
                <TableCell>{b.name}</TableCell>
                <TableCell>{formatDateTime(b.createdAt)}</TableCell>
                <TableCell>{formatBytes(b.bytes)}</TableCell>
                <TableCell className={own.actions}>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabledFocusable={busy}
                    onClick={() => void showContents(b)}
                  >
                    What&apos;s in it
                  </Button>
                  <Button
                    size="small"
                    disabledFocusable={busy}
                    onClick={() => void askToRestore(b)}
                    {...restoreFocusTarget}
                  >
                    Restore…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog
        open={confirming !== null}
        onOpenChange={(_, d) => !d.open && setConfirming(null)}
        modalType="alert"
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restore {confirming?.name}?</DialogTitle>
            <DialogContent className={own.content}>
              <Text block>
                The history will go back to how it was when this backup was made
                {confirming ? `, on ${formatDateTime(confirming.createdAt)}` : ''}. Anything done
                since will not be in it.
              </Text>
              {confirming && <Text block>It holds {holds(confirming)}.</Text>}
              <Text block>
                Your current history is backed up first, so you can restore it again if you change
                your mind.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                className={own.nowrap}
                onClick={() => confirming && void restore(confirming)}
              >
                Restore this backup
              </Button>
              <Button onClick={() => setConfirming(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
