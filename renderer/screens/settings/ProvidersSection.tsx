// The providers (colleges) this ReturnDesk prepares returns for, and adding another.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { useApi, useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { EMPTY_PROVIDER, providerErrors, providerInput } from '../../forms/provider-form';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { ProviderFields } from '../../components/ProviderFields';
import { useSectionStyles } from '../../components/ScreenTitle';
import { SetUkprnForm } from './SetUkprnForm';

export function ProvidersSection() {
  const s = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const providers = useLoaded((a) => a['providers.list']());
  useApiEvent('history.changed', providers.reload);
  const form = useForm('settings.provider', EMPTY_PROVIDER, providerErrors);
  const [{ open: adding }, setOpen] = useDraft('settings.provider.open', { open: false });
  const setAdding = (open: boolean) => setOpen({ open });
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [settingUkprn, setSettingUkprn] = useState<number | null>(null);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(formRef.current);
    setSaving(true);
    const r = await api['providers.add'](providerInput(form.values));
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The provider was not added'));
    setNotice({ intent: 'success', text: `Added ${r.value.name} (UPIN ${r.value.upin}).` });
    form.reset();
    setAdding(false);
    providers.reload();
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Providers
      </h2>
      <LiveNotice notice={providers.error && fromError(providers.error)} />
      {providers.value && providers.value.length === 0 && <Text>No providers yet.</Text>}
      {providers.value && providers.value.length > 0 && (
        <Table aria-labelledby={headingId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>UPIN</TableHeaderCell>
              <TableHeaderCell>UKPRN</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {providers.value.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.upin}</TableCell>
                <TableCell>{p.ukprn ?? 'Not given'}</TableCell>
                <TableCell>{p.name}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {providers.value
        ?.filter((p) => p.id === settingUkprn)
        .map((p) => (
          <SetUkprnForm
            key={p.id}
            provider={p}
            onDone={(n) => {
              setSettingUkprn(null);
              if (n) setNotice(n);
              providers.reload();
            }}
          />
        ))}
      {adding ? (
        <form
          ref={formRef}
          aria-label="Add a provider"
          noValidate
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ProviderFields form={form} autoFocus />
          <div className={s.actions}>
            <Button type="submit" appearance="primary" disabledFocusable={saving}>
              Add provider
            </Button>
            <Button onClick={() => setAdding(false)}>Cancel</Button>
          </div>
        </form>
      ) : (
        <div className={s.actions}>
          <Button icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add a provider…
          </Button>
        </div>
      )}
      {/* After the table and its own actions, so the keyboard meets "Add a provider" first. */}
      {providers.value
        ?.filter((p) => p.ukprn === null && p.id !== settingUkprn)
        .map((p) => (
          <div key={p.id} className={s.actions}>
            <Text>
              {p.name} has no UKPRN yet; ILR XML amendment files (2011-12 onwards) need it.
            </Text>
            <Button
              size="small"
              aria-label={`Set the UKPRN of ${p.name}`}
              onClick={() => setSettingUkprn(p.id)}
            >
              Set UKPRN…
            </Button>
          </div>
        ))}
      <LiveNotice notice={notice} />
    </section>
  );
}
