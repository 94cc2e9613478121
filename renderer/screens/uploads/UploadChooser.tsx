// Where to upload and what: a signed-off batch, final amendment files, or any file from this
// computer (read here and sent as bytes). Reviewing opens the confirmation; nothing is sent yet.
import {
  Button,
  Checkbox,
  Field,
  Link,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Batch, StoredAmendmentFile } from '../../../shared/history/types';
import type { DestinationView } from '../../../shared/ipc/views';
import { plural } from '../../../shared/history/wording';
import { readChosenFiles } from '../../app/bytes';
import { useDraft } from '../../app/hooks';
import { useSectionStyles } from '../../components/ScreenTitle';
import { batchFileNames, canUpload, fileCount } from '../batches/batch-model';
import { missingProblem } from '../batches/xml-batch-model';
import { useFormStyles } from '../../components/form-styles';
import type { RunRequest } from './upload-run';
import { areaMismatch, areaOfBatch, chooserProblem, preferredDestination } from './chooser-model';
import type { ChooserValues } from './chooser-model';

interface Props {
  destinations: readonly DestinationView[];
  batches: readonly Batch[];
  files: readonly StoredAmendmentFile[];
  initialBatchId: number | null;
  busy: boolean;
  mode: 'electron' | 'browser';
  onReview: (request: RunRequest) => void;
}

export function UploadChooser(p: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const ready = p.batches.filter(canUpload);
  const first = p.initialBatchId ?? null;
  const batchArea = p.batches.find((b) => b.id === first)?.destination;
  const matching = preferredDestination(p.destinations, batchArea);
  const [v, set] = useDraft<ChooserValues>(
    first ? `uploads.choose.batch.${first}` : 'uploads.choose',
    {
      destinationId: String(matching?.id ?? ''),
      mode: first ? 'batch' : ready.length ? 'batch' : 'stored',
      batchId: first ? String(first) : String(ready[0]?.id ?? ''),
      names: [],
    },
  );
  const disk = useRef<File[]>([]);
  const [diskCount, setDiskCount] = useState(0);
  const [diskBytes, setDiskBytes] = useState(0);
  const [tried, setTried] = useState(false);
  // A chosen file that could not be read when Upload… was pressed (moved, changed or locked).
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const finals = p.files.filter((x) => x.status === 'final');
  const destination = p.destinations.find((d) => String(d.id) === v.destinationId);
  const batch = ready.find((b) => String(b.id) === v.batchId);
  const problem = chooserProblem(v, {
    destination,
    batch,
    finals,
    diskCount,
    diskBytes,
    mode: p.mode,
  });
  const mismatch = v.mode === 'batch' ? areaMismatch(batch, destination) : null;
  // Said as soon as such a batch is chosen, not only on Upload…: it needs work on the batch first.
  const refusal = v.mode === 'batch' && batch ? missingProblem(batch) : null;

  const review = async () => {
    setTried(true);
    if (problem || mismatch || !destination) return;
    // Said again only if the next attempt has a problem: the batch just sent leaves the list.
    setTried(false);
    const base = {
      destinationId: destination.id,
      destinationName: destination.name,
      // The first area; the confirmation asks which where the destination has several.
      area: destination.area,
    };
    if (v.mode === 'batch' && batch)
      return p.onReview({
        ...base,
        area: areaOfBatch(batch, destination) ?? destination.area,
        source: { kind: 'batch', batchId: batch.id, names: batchFileNames(batch) },
      });
    if (v.mode === 'stored') {
      const names = v.names.filter((n) => finals.some((x) => x.name === n));
      return p.onReview({ ...base, source: { kind: 'stored', names } });
    }
    const files = await readChosenFiles(disk.current);
    if (!files.ok) return setUnreadable(files.error.message);
    p.onReview({ ...base, source: { kind: 'disk', files: files.value } });
  };

  if (p.destinations.length === 0) {
    return (
      <Text>
        There is no upload destination yet. Add the extranet or portal in{' '}
        <Link href="#/settings">Settings</Link> first.
      </Text>
    );
  }
  return (
    <form
      className={s.form}
      aria-label="Choose what to upload"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void review();
      }}
    >
      <Field className={f.long} label="Destination" required>
        <Select value={v.destinationId} onChange={(_, d) => set({ destinationId: d.value })}>
          {p.destinations.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.name}: {d.areas.map((a) => a.name).join(', ')}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="What to send" required>
        <RadioGroup
          value={v.mode}
          onChange={(_, d) => {
            setTried(false);
            set({ mode: d.value as ChooserValues['mode'] });
          }}
        >
          <Radio value="batch" label="A signed-off batch" />
          <Radio value="stored" label="Final amendment files" />
          <Radio value="disk" label="Files from this computer" />
        </RadioGroup>
      </Field>
      {v.mode === 'batch' && (
        <Field
          className={f.long}
          label="Batch"
          validationState={
            tried && (problem || mismatch) ? 'error' : mismatch || refusal ? 'warning' : 'none'
          }
          validationMessage={tried ? (problem ?? mismatch) : (refusal ?? mismatch)}
          hint={
            ready.length === 0
              ? 'No batch is signed off yet: sign one off on the Batches screen.'
              : undefined
          }
        >
          <Select value={v.batchId} onChange={(_, d) => set({ batchId: d.value })}>
            <option value="">Choose a batch</option>
            {ready.map((b) => (
              <option key={b.id} value={String(b.id)}>
                Batch {b.id}: {b.upin} {b.year}, {plural(fileCount(b), 'file')}
                {missingProblem(b) ? ' (leaves out earlier files)' : ''}
                {b.status === 'uploading' ? ' (stopped part-way: resume)' : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {v.mode === 'stored' && (
        <fieldset className={f.group} aria-describedby="uploads-stored-hint">
          <legend className={f.legend}>Final amendment files</legend>
          <Text id="uploads-stored-hint" size={200} className={s.muted}>
            HEFCE asks for amendment files to be sent in a signed-off batch; send single files only
            when asked to.
          </Text>
          {finals.length === 0 && <Text>No final files are waiting to be sent.</Text>}
          {finals.map((x) => (
            <Checkbox
              key={x.name}
              checked={v.names.includes(x.name)}
              onChange={(_, d) =>
                set({
                  names: d.checked ? [...v.names, x.name] : v.names.filter((n) => n !== x.name),
                })
              }
              label={
                <>
                  <span className={f.mono}>{x.name}</span> – {x.upin} {x.year},{' '}
                  {plural(x.records, 'record')}
                </>
              }
            />
          ))}
          {tried && problem && <Text role="alert">{problem}</Text>}
        </fieldset>
      )}
      {v.mode === 'disk' && (
        <Field
          label="Choose the files"
          hint="Any file, for example one built elsewhere. A copy is kept in the history with its receipt."
          validationState={(tried && problem) || unreadable ? 'error' : 'none'}
          validationMessage={(tried ? problem : undefined) ?? unreadable ?? undefined}
        >
          {(props) => (
            <input
              {...props}
              className={f.file}
              type="file"
              multiple
              onChange={(e) => {
                setUnreadable(null);
                disk.current = [...(e.currentTarget.files ?? [])];
                setDiskCount(disk.current.length);
                setDiskBytes(disk.current.reduce((n, x) => n + x.size, 0));
              }}
            />
          )}
        </Field>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={p.busy}>
          Upload…
        </Button>
        {p.busy && <Text>Wait for the upload in progress to finish, or stop it.</Text>}
      </div>
    </form>
  );
}
