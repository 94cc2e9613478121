// The data officer: the person receipts name as the sender of every upload. Without a name they
// name the computer's account, and say that it is only that.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

export function DataOfficerSection() {
  const s = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const officer = useLoaded((a) => a['dataOfficer.get']());
  useApiEvent('history.changed', officer.reload);
  const [name, setName] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const shown = name ?? officer.value?.name ?? '';

  const save = async () => {
    const r = await api['dataOfficer.set']({ name: shown });
    if (!r.ok) return setNotice(fromError(r.error, 'The name was not saved'));
    setName(null);
    setNotice({
      intent: 'success',
      text: `Receipts now name ${r.value.name ?? ''} as the sender.`,
    });
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Data officer
      </h2>
      <Text className={s.muted}>
        {officer.value?.name
          ? `Receipts name ${officer.value.name} as the person who sent each upload.`
          : `No name is set, so receipts name this computer's account${officer.value ? ` (${officer.value.account})` : ''} and say that it is only that.`}
      </Text>
      <form
        className={s.actions}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Your name">
          <Input value={shown} maxLength={200} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Button type="submit" disabledFocusable={shown.trim() === ''}>
          Save name
        </Button>
      </form>
      <LiveNotice notice={notice} />
    </section>
  );
}
