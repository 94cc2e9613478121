// The Data portal dashboard, as Ofqual's guide shows it: Current (requests due, in date order, with
// the upload button once the collection opens, "No data to submit", and a failure's message) and
// Previous (accepted and nil returns). Refresh asks each portal for its requests and verdicts.
// Requests can also be added by hand or imported from a schedule, and file formats imported.
import {
  Button,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, ArrowSyncRegular, CalendarRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { DataRequestView } from '../../../shared/ipc/portal';
import type { AppError } from '../../../shared/ipc/result';
import type { AppInfo } from '../../../shared/ipc/views';
import { formatPortalDate } from '../../app/format';
import { useFlash } from '../../app/flash';
import { useApi, useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { goTo } from '../../app/use-route';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { NotificationsButton } from '../../components/NotificationsButton';
import { useFormStyles } from '../../components/form-styles';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { PasswordDialog } from '../settings/PasswordDialog';
import type { PasswordRequest } from '../settings/PasswordDialog';
import { AddRequestForm } from './AddRequestForm';
import { FileFormatsSection } from './FileFormatsSection';
import { ImportScheduleForm } from './ImportScheduleForm';
import { NilReturnDialog } from './NilReturnDialog';
import { RequestsTable } from './RequestsTable';
import {
  destinationOf,
  passwordNeeded,
  requestName,
  requestsOn,
  syncNeedsPassword,
  syncSummary,
  tabLabel,
} from './portal-model';
import type { PortalTab } from './portal-model';

const useStyles = makeStyles({
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

type Open = 'none' | 'add' | 'import';

interface NilReturn {
  request: DataRequestView;
  error: AppError | null;
  busy: boolean;
}

export function PortalListScreen({ info }: { info: AppInfo }) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const own = useStyles();
  const api = useApi();
  const requests = useLoaded((a) => a['portal.requests']());
  const destinations = useLoaded((a) => a['destinations.list']());
  useApiEvent('history.changed', () => {
    requests.reload();
    destinations.reload();
  });
  useApiEvent('verification.result', requests.reload);
  const [{ tab }, setTab] = useDraft<{ tab: PortalTab }>('portal', { tab: 'current' });
  const [{ open }, setOpen] = useDraft<{ open: Open }>('portal.open', { open: 'none' });
  const [flash] = useFlash();
  const [outcome, setOutcome] = useState<NoticeMessage | null>(flash);
  const [syncing, setSyncing] = useState(false);
  const [askSyncPassword, setAskSyncPassword] = useState<PasswordRequest | null>(null);
  const [nil, setNil] = useState<NilReturn | null>(null);
  const ids = { current: useId(), previous: useId(), list: useId() };
  const restoreFocusTarget = useRestoreFocusTarget();
  // After a nil return its row (and the button focus went back to) leaves Current: the keyboard
  // then carries on from the tabs rather than from the top of the page.
  const focusTabsOnceGone = useRef(false);
  const tabId = ids[tab];
  useEffect(() => {
    if (!focusTabsOnceGone.current) return;
    focusTabsOnceGone.current = false;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) document.getElementById(tabId)?.focus();
  }, [requests.value, tabId]);

  const sync = async (password?: string) => {
    setSyncing(true);
    setOutcome({ intent: 'info', text: 'Asking the data portals for their requests and results…' });
    const r = await api['portal.sync']({ password });
    setSyncing(false);
    if (!r.ok) {
      if (syncNeedsPassword(r.error)) {
        setOutcome(null);
        return setAskSyncPassword({
          title: 'Password for the data portal',
          explanation: `${r.error.message} Type it to refresh. ReturnDesk does not save it: it is used for this refresh or, where this computer has no credential vault, held in memory until ReturnDesk closes.`,
          confirmLabel: 'Refresh',
          keeping: false,
          onConfirm: (given) => void sync(given),
        });
      }
      return setOutcome(fromError(r.error, 'Could not refresh the data requests'));
    }
    const summary = syncSummary(r.value);
    setOutcome({
      intent: summary.intent,
      text: (
        <>
          {summary.text}
          {summary.problems.length > 0 && (
            <ul className={own.problems} aria-label="Problems">
              {summary.problems.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </>
      ),
    });
    requests.reload();
  };

  const recordNil = async (password: string | undefined) => {
    if (!nil) return;
    const request = nil.request;
    setNil({ ...nil, busy: true, error: null });
    const r = await api['portal.nilReturn']({ requestId: request.id, password });
    if (!r.ok) return setNil({ request, busy: false, error: r.error });
    setNil(null);
    setOutcome({
      intent: 'success',
      text: `Recorded that there is no data to submit for ${requestName(request)}. It is now on the Previous tab as "${r.value.status.text}".`,
    });
    focusTabsOnceGone.current = true;
    requests.reload();
  };

  const list = requests.value?.requests ?? [];
  const current = requestsOn(list, 'current');
  const previous = requestsOn(list, 'previous');
  const nilDestination = nil ? destinationOf(nil.request, destinations.value ?? []) : undefined;
  const error = requests.error ?? destinations.error;

  return (
    <>
      <ScreenTitle title="Data portal">Data portal</ScreenTitle>
      <Text className={mergeClasses(s.muted, f.intro)}>
        The regulator’s data requests, as its Data Portal shows them: each reporting period and
        template with its due date and status. Upload a file once the collection opens; it is
        checked against the template’s file format first. Accepted files and nil returns move to
        Previous.
      </Text>
      <div className={s.actions}>
        <Button
          appearance="primary"
          icon={syncing ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={syncing}
          onClick={() => void sync()}
          {...restoreFocusTarget}
        >
          Refresh
        </Button>
        <Button icon={<AddRegular />} onClick={() => setOpen({ open: 'add' })}>
          Add a request…
        </Button>
        <Button icon={<CalendarRegular />} onClick={() => setOpen({ open: 'import' })}>
          Import a schedule…
        </Button>
        <NotificationsButton reason="Be told when the portal accepts or rejects a file" />
        {requests.value && (
          <Text className={s.muted}>
            Today is {formatPortalDate(requests.value.today)} (UK time).
          </Text>
        )}
      </div>
      <LiveNotice notice={outcome} />
      <LiveNotice notice={error && fromError(error, 'Could not load the data requests')} />
      {open !== 'none' && destinations.value && (
        <section
          className={s.section}
          aria-label={open === 'add' ? 'New data request' : 'Import a schedule'}
        >
          {open === 'add' ? (
            <AddRequestForm
              destinations={destinations.value}
              onAdded={(r) => {
                setOpen({ open: 'none' });
                setTab({ tab: r.status.tab });
                setOutcome({ intent: 'success', text: `Added ${requestName(r)}.` });
              }}
              onCancel={() => setOpen({ open: 'none' })}
            />
          ) : (
            <ImportScheduleForm
              onImported={(text) => {
                setOpen({ open: 'none' });
                setOutcome({ intent: 'success', text });
              }}
              onCancel={() => setOpen({ open: 'none' })}
            />
          )}
        </section>
      )}
      {!requests.value && requests.loading && <Spinner label="Loading the data requests…" />}
      {requests.value && (
        <section className={s.section} aria-labelledby={ids.list}>
          <h2 id={ids.list} className={s.heading}>
            Data requests
          </h2>
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => setTab({ tab: d.value as PortalTab })}
          >
            <Tab id={ids.current} value="current">
              {tabLabel('current', current.length)}
            </Tab>
            <Tab id={ids.previous} value="previous">
              {tabLabel('previous', previous.length)}
            </Tab>
          </TabList>
          <div role="tabpanel" aria-labelledby={ids[tab]}>
            <RequestsTable
              tab={tab}
              requests={tab === 'current' ? current : previous}
              onUpload={(r) => goTo(`#/portal/upload/${r.id}`)}
              onNilReturn={(r) => setNil({ request: r, error: null, busy: false })}
            />
          </div>
        </section>
      )}
      <FileFormatsSection templates={list} />
      <NilReturnDialog
        request={nil?.request ?? null}
        askPassword={nil ? passwordNeeded(nil.request, destinations.value ?? [], nil.error) : false}
        username={nilDestination?.username}
        vaultAvailable={info.vault.available}
        busy={nil?.busy ?? false}
        error={nil?.error ?? null}
        onCancel={() => setNil(null)}
        onConfirm={(password) => void recordNil(password)}
      />
      <PasswordDialog
        request={askSyncPassword}
        vaultAvailable={info.vault.available}
        onClose={() => setAskSyncPassword(null)}
      />
    </>
  );
}
