// Changing a destination: its fields as they are, and only what the user changes is sent. The
// password and group key stay as kept unless new ones are typed; a new CA file replaces the old.
// Main refuses while an upload to it is unfinished, and says which.
import { Button } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import {
  EMPTY_DESTINATION,
  SECRET_FIELDS,
  changesOf,
  destinationErrors,
} from '../../forms/destination-form';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { DestinationFields } from '../../components/DestinationFields';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

interface Props {
  destination: DestinationView;
  vaultAvailable: boolean;
  onDone: (notice: NoticeMessage) => void;
  onCancel: () => void;
}

export function EditDestinationForm({ destination: d, vaultAvailable, onDone, onCancel }: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const initial = {
    ...EMPTY_DESTINATION,
    name: d.name,
    url: d.url,
    area: d.area,
    username: d.username,
  };
  const form = useForm(`destination-edit-${d.id}`, initial, destinationErrors, SECRET_FIELDS);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(formRef.current);
    const changes = changesOf(d, form.values);
    if (Object.values(changes).every((v) => v === undefined))
      return setNotice({ intent: 'info', text: 'Nothing was changed.' });
    setSaving(true);
    const r = await api['destinations.update']({ destinationId: d.id, ...changes });
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The destination was not changed'));
    form.reset();
    const unsaved = [r.value.password, r.value.groupKey].find((o) => o && !o.stored);
    onDone(
      unsaved
        ? { intent: 'warning', text: `Saved. ${unsaved.message ?? ''}` }
        : { intent: 'success', text: `Saved the changes to ${r.value.destination.name}.` },
    );
  };

  return (
    <form
      ref={formRef}
      aria-label={`Change ${d.name}`}
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DestinationFields form={form} vaultAvailable={vaultAvailable} autoFocus />
      <LiveNotice notice={notice} />
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save changes
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
