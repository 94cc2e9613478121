// Choosing files for a batch: final files of the same provider and year, and files sent before
// that a new amendment builds on (HEFCE asks for those to be sent again in the same batch).
import { Button, Checkbox, Link, Text } from '@fluentui/react-components';
import { useFormStyles } from '../../components/form-styles';
import { useId, useState } from 'react';
import type { Batch, StoredAmendmentFile } from '../../../shared/history/types';
import { plural } from '../../../shared/history/wording';
import { useSectionStyles } from '../../components/ScreenTitle';
import { FILE_STATUS, candidates } from './batch-model';

interface Props {
  batch: Batch;
  files: readonly StoredAmendmentFile[];
  busy: boolean;
  onAdd: (names: string[]) => void;
}

export function AddFilesForm({ batch, files, busy, onAdd }: Props) {
  const s = useSectionStyles();
  const own = useFormStyles();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const { fresh, earlier } = candidates(batch, files);
  const available = new Set([...fresh, ...earlier].map((f) => f.name));
  const picked = [...chosen].filter((n) => available.has(n));
  const toggle = (name: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  const freshId = useId();
  const earlierId = useId();

  if (fresh.length === 0 && earlier.length === 0) {
    return (
      <Text className={s.muted}>
        No other files of {batch.upin} {batch.year} can join this batch. Finalise amendment files on
        the <Link href="#/files">Amendment files</Link> screen first.
      </Text>
    );
  }
  const group = (id: string, legend: string, list: StoredAmendmentFile[]) =>
    list.length > 0 && (
      <fieldset className={own.group} aria-labelledby={id}>
        <legend id={id} className={own.legend}>
          {legend}
        </legend>
        {list.map((f) => (
          <Checkbox
            key={f.name}
            checked={chosen.has(f.name)}
            onChange={(_, d) => toggle(f.name, d.checked === true)}
            label={
              <>
                <span className={own.mono}>{f.name}</span> – {plural(f.records, 'record')}
                {f.planRef !== null ? `, plan ${f.planId} row ${f.planRef}` : ''},{' '}
                {FILE_STATUS[f.status].toLowerCase()}
              </>
            }
          />
        ))}
      </fieldset>
    );

  return (
    <form
      className={s.form}
      aria-label="Add files to the batch"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length === 0) return;
        onAdd(picked);
        setChosen(new Set());
      }}
    >
      {group(freshId, 'Final files, not sent yet', fresh)}
      {group(
        earlierId,
        'Files sent before: include them again when this amendment builds on them',
        earlier,
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy || picked.length === 0}>
          {picked.length > 1 ? `Add ${picked.length} files` : 'Add to batch'}
        </Button>
        {fresh.length > 1 && (
          <Button onClick={() => setChosen(new Set(fresh.map((f) => f.name)))}>
            Choose all final files
          </Button>
        )}
      </div>
    </form>
  );
}
