// A reporting schedule from a spreadsheet saved as CSV: one data request per row. Read here and
// sent as bytes; main names any row it cannot read, and then imports nothing.
import { Button, Field, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { fileToBase64 } from '../../app/bytes';
import { useApi } from '../../app/hooks';
import { useFormStyles } from '../../components/form-styles';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { importedText } from './portal-forms';

interface Props {
  onImported: (text: string) => void;
  onCancel: () => void;
}

export function ImportScheduleForm({ onImported, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const file = useRef<File | null>(null);
  const [chosen, setChosen] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const problem = chosen === '' ? 'Choose the schedule (CSV).' : undefined;

  const save = async () => {
    setTried(true);
    if (problem || !file.current) return;
    setSaving(true);
    setNotice({ intent: 'info', text: `Reading ${chosen}…` });
    const read = await fileToBase64(file.current);
    const r = read.ok
      ? await api['portal.importRequests']({ fileName: chosen, base64: read.value })
      : read;
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The schedule was not imported'));
    onImported(importedText(chosen, r.value.added, r.value.skipped));
  };

  return (
    <form
      aria-label="Import a reporting schedule"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className={s.subheading}>Import a reporting schedule</h2>
      <Text>
        A CSV with one request per row and the columns Reporting Period, Template and Due Date (and
        Opens and Destination, if you like; without an opening date the collection opens on the due
        date). Dates may be written 3rd Apr 2019, 03/04/2019 or 2019-04-03.
      </Text>
      <Field
        label="Schedule (CSV)"
        required
        validationState={tried && problem ? 'error' : 'none'}
        validationMessage={tried ? problem : undefined}
      >
        {(props) => (
          <input
            {...props}
            className={f.file}
            type="file"
            accept=".csv,text/csv"
            // The button that opened the form has done its job: choosing the file is next.
            autoFocus
            onChange={(e) => {
              file.current = e.currentTarget.files?.[0] ?? null;
              setChosen(file.current?.name ?? '');
              setNotice(null);
            }}
          />
        )}
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Import schedule
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
