// XML files kept in the history for the batch's provider and year but in no batch yet (added on
// the Amendment files screen): offered here, so a 2011-12 batch is made from what was kept
// without choosing the files from disk again.
import { Button, Text } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Batch } from '../../../shared/history/types';
import { useApiEvent, useLoaded } from '../../app/hooks';
import { useSectionStyles } from '../../components/ScreenTitle';

interface Props {
  batch: Batch;
  busy: boolean;
  onAdd: (names: string[]) => void;
}

export function KeptXmlPanel({ batch, busy, onAdd }: Props) {
  const s = useSectionStyles();
  const kept = useLoaded((a) =>
    a['xmlFiles.list']({ upin: batch.upin, year: batch.year, status: 'final' }),
  );
  useApiEvent('history.changed', kept.reload);
  const inBatch = new Set((batch.xml?.files ?? []).map((f) => f.name));
  const offered = (kept.value ?? []).filter((f) => !inBatch.has(f.name));
  if (offered.length === 0) return null;
  return (
    <section aria-label="Kept XML files not in a batch">
      <Text block>
        Kept in your history for {batch.upin} {batch.year} and not yet sent:
      </Text>
      <ul className={s.muted}>
        {offered.map((f) => (
          <li key={f.name}>
            {f.name} ({f.learners.toLocaleString('en-GB')} learner{f.learners === 1 ? '' : 's'})
          </li>
        ))}
      </ul>
      <div className={s.actions}>
        <Button
          icon={<AddRegular />}
          disabledFocusable={busy}
          onClick={() => onAdd(offered.map((f) => f.name))}
        >
          {offered.length === 1 ? `Add ${offered[0]?.name}` : `Add these ${offered.length} files`}
        </Button>
      </div>
    </section>
  );
}

/** On "Create a batch": the kept XML files the new batch will offer (remount per plan). */
export function KeptXmlNote({ upin, year }: { upin: string; year: string }) {
  const kept = useLoaded((a) => a['xmlFiles.list']({ upin, year, status: 'final' }));
  const names = (kept.value ?? []).map((f) => f.name);
  if (names.length === 0) return null;
  return (
    <Text block>
      Kept in your history and not yet sent: {names.join(', ')}. The batch’s page offers{' '}
      {names.length === 1 ? 'it' : 'them'} to add.
    </Text>
  );
}
