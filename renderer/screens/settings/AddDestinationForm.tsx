// Adding an upload destination. Shared by the first-run guide and Settings; each gives its own
// buttons' wording and decides what happens after.
import { Button } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Output } from '../../../shared/ipc/contract';
import { useApi } from '../../app/hooks';
import {
  EMPTY_DESTINATION,
  SECRET_FIELDS,
  destinationErrors,
  destinationInput,
} from '../../forms/destination-form';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { DestinationFields } from '../../components/DestinationFields';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

interface Props {
  draftKey: string;
  /** A heading for the form where it sits among other things (Settings). */
  title?: string;
  vaultAvailable: boolean;
  saveLabel: string;
  onSaved: (added: Output<'destinations.add'>) => void;
  /** The other button: "Cancel" in Settings, "Skip for now" in the first-run guide. */
  otherLabel: string;
  onOther: () => void;
}

/** What the vault did with the secrets given, in words; null when all went as expected. */
export function secretsOutcome(added: Output<'destinations.add'>): NoticeMessage | null {
  const unsaved = [added.password, added.groupKey].find((o) => o && !o.stored);
  if (!unsaved) return null;
  return {
    intent: 'warning',
    // Main's message already begins "Not remembered on this computer"; no title to repeat it.
    text: unsaved.message ?? 'Not remembered on this computer: ReturnDesk will ask each time.',
  };
}

export function AddDestinationForm(p: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const form = useForm(p.draftKey, EMPTY_DESTINATION, destinationErrors, SECRET_FIELDS);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(formRef.current);
    setSaving(true);
    const r = await api['destinations.add'](destinationInput(form.values));
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The destination was not added'));
    form.reset();
    setNotice(null);
    p.onSaved(r.value);
  };

  return (
    <form
      ref={formRef}
      aria-label="Add an upload destination"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {p.title && <h3 className={s.subheading}>{p.title}</h3>}
      <DestinationFields form={form} vaultAvailable={p.vaultAvailable} autoFocus={!!p.title} />
      <LiveNotice notice={notice} />
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {p.saveLabel}
        </Button>
        <Button onClick={p.onOther}>{p.otherLabel}</Button>
      </div>
    </form>
  );
}
