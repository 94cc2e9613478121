// Setting the UKPRN of a provider added without one: ILR XML amendment files (2011-12 onwards)
// carry the UKPRN, and a provider needs it before any can be checked into the history.
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../app/hooks';
import type { Provider } from '../../../shared/ipc/views';
import { UKPRN_MESSAGE, isUkprn } from '../../../shared/domain';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

interface Props {
  provider: Provider;
  onDone: (notice: NoticeMessage | null) => void;
}

export function SetUkprnForm({ provider, onDone }: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const [ukprn, setUkprn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const value = ukprn.trim();
    if (!isUkprn(value)) return setProblem(UKPRN_MESSAGE);
    setSaving(true);
    const r = await api['providers.update']({ upin: provider.upin, ukprn: value });
    setSaving(false);
    if (!r.ok) return setProblem(r.error.message);
    onDone({ intent: 'success', text: `${r.value.name} now has UKPRN ${value}.` });
  };

  return (
    <form
      aria-label={`Set the UKPRN of ${provider.name}`}
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field
        label={`UKPRN of ${provider.name} (UPIN ${provider.upin})`}
        hint="Eight digits, as on the UK Register of Learning Providers."
        validationMessage={problem ?? undefined}
        validationState={problem ? 'error' : 'none'}
      >
        <Input
          autoFocus
          inputMode="numeric"
          value={ukprn}
          onChange={(_, d) => {
            setUkprn(d.value);
            setProblem(null);
          }}
        />
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save UKPRN
        </Button>
        <Button onClick={() => onDone(null)}>Cancel</Button>
      </div>
    </form>
  );
}
