// "Check an ILR XML file": 2011-12 amendments are whole ILR 'A' or 'B' XML files. A file dropped
// on the window or chosen here is checked (nothing kept), and one without errors can then be kept
// in the history for a provider, ready for a batch.
import { Button, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Provider } from '../../../../shared/history/types';
import { useApi, useApiEvent, useLoaded } from '../../../app/hooks';
import { FileDropZone } from '../../../components/FileDropZone';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { ProviderSelect } from '../../../components/ProviderSelect';
import { useSectionStyles } from '../../../components/ScreenTitle';
import type { XmlCheck, XmlChecks } from './use-xml-checks';
import { XmlReportView } from './XmlReportView';
import { providersFor, ukprnNote } from './xml-model';

interface Props {
  checks: XmlChecks;
  onFiles: (files: File[]) => void;
  onSelect: (i: number) => void;
}

export function XmlCheckSection({ checks, onFiles, onSelect }: Props) {
  const s = useSectionStyles();
  const headingId = useId();
  const providers = useLoaded((a) => a['providers.list']());
  useApiEvent('history.changed', providers.reload);
  const current = checks.items[checks.selected];
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Check an ILR XML file (2011-12)
      </h2>
      <Text>
        From 2011-12 HEFCE takes amendments as whole ILR ‘A’ or ‘B’ XML files. Drop .xml files
        anywhere on this window, or choose them below, to check the name, namespace, header and
        learners. The check keeps nothing; add a valid file to the history to put it in a batch.
      </Text>
      <FileDropZone
        label="ILR XML files to check (.xml)"
        accept=".xml,.XML,text/xml,application/xml"
        multiple
        onFiles={onFiles}
      />
      {checks.items.length > 1 && (
        <TabList
          selectedValue={String(checks.selected)}
          onTabSelect={(_, d) => onSelect(Number(d.value))}
          aria-label="Checked XML files"
        >
          {checks.items.map((c, i) => (
            <Tab key={i} value={String(i)}>
              {c.name}
            </Tab>
          ))}
        </TabList>
      )}
      {current && (
        <CheckedXml
          key={`${checks.selected}-${current.name}`}
          check={current}
          providers={providers.value ?? []}
        />
      )}
    </section>
  );
}

function CheckedXml({ check, providers }: { check: XmlCheck; providers: readonly Provider[] }) {
  if (check.error)
    return (
      <LiveNotice
        notice={{ intent: 'error', title: `${check.name} could not be checked`, text: check.error }}
      />
    );
  if (!check.report || check.base64 === null) return <Spinner label={`Checking ${check.name}…`} />;
  return (
    <XmlReportView fileName={check.name} report={check.report}>
      {check.report.errors === 0 && (
        <AddToHistory check={check} base64={check.base64} providers={providers} />
      )}
    </XmlReportView>
  );
}

function AddToHistory(p: { check: XmlCheck; base64: string; providers: readonly Provider[] }) {
  const s = useSectionStyles();
  const api = useApi();
  const { choices, preferred } = providersFor(p.providers, p.check.report?.xml?.ukprn ?? null);
  // The header's UKPRN picks the provider until the user picks another (providers may load late).
  const [chosen, setUpin] = useState<string | null>(null);
  const upin = chosen ?? preferred;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const add = async () => {
    if (upin === '')
      return setNotice({ intent: 'error', text: 'Choose the provider the file belongs to.' });
    setBusy(true);
    const r = await api['xmlFiles.add']({ fileName: p.check.name, base64: p.base64, upin });
    setBusy(false);
    setNotice(
      r.ok
        ? {
            intent: 'success',
            text: `${r.value.file.name} is kept in the history for ${upin} ${r.value.file.year}. Add it to a batch on the Batches screen to send it.`,
          }
        : fromError(r.error, `${p.check.name} was not added`),
    );
  };
  if (choices.length === 0)
    return (
      <Text>
        To keep this file, give a provider its UKPRN in Settings: XML files are matched to providers
        by UKPRN.
      </Text>
    );
  const note = ukprnNote(p.providers, p.check.report?.xml?.ukprn ?? null, upin);
  const match: NoticeMessage | null = note && {
    intent: note.mismatch ? 'warning' : 'info',
    text: note.text,
  };
  return (
    <form
      aria-label={`Add ${p.check.name} to the history`}
      className={s.actions}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <ProviderSelect providers={choices} value={upin} onChange={setUpin} />
      <LiveNotice notice={match} />
      <Button type="submit" icon={<AddRegular />} disabledFocusable={busy}>
        Add to the history
      </Button>
      <LiveNotice notice={notice} />
    </form>
  );
}
