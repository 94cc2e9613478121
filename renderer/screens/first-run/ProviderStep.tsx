// Step 1: the provider the returns are for. The UPIN is HEFCE's six-digit number, kept as text so
// a leading zero is never lost.
import { Button, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Provider } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { EMPTY_PROVIDER, providerErrors, providerInput } from '../../forms/provider-form';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { ProviderFields } from '../../components/ProviderFields';
import { useSectionStyles } from '../../components/ScreenTitle';

export function ProviderStep({ onAdded }: { onAdded: (p: Provider) => void }) {
  const s = useSectionStyles();
  const api = useApi();
  const form = useForm('first-run.provider', EMPTY_PROVIDER, providerErrors);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(formRef.current);
    setSaving(true);
    const r = await api['providers.add'](providerInput(form.values));
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The provider was not added'));
    form.reset();
    onAdded(r.value);
  };

  return (
    <form
      ref={formRef}
      aria-label="Your provider"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text block>
        The college or provider you prepare returns for, as HEFCE and the regulators know it. You
        can add more providers later in Settings.
      </Text>
      <ProviderFields form={form} />
      <LiveNotice notice={notice} />
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Save and continue
        </Button>
      </div>
    </form>
  );
}
