// The dashboard, as in the Ofqual Data Portal: Current (what needs doing) and Previous (what is
// done). It refreshes itself whenever the history changes, in this window or another.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
} from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { DashboardTab } from '../../../shared/ipc/views';
import { useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { formatDate } from '../../app/format';
import { shouldOfferNotifications } from '../../app/verification';
import { notificationPermission } from '../../app/VerificationNotices';
import { LiveNotice, fromError } from '../../components/Notice';
import { VerificationCheck } from '../../components/VerificationCheck';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { DashboardTable } from './DashboardTable';
import { itemsOn, tabLabel } from './dashboard-model';

export function DashboardScreen({ notice }: { notice: string | null }) {
  const s = useSectionStyles();
  const dashboard = useLoaded((a) => a['dashboard.get']());
  useApiEvent('history.changed', dashboard.reload);
  const [{ tab }, setTab] = useDraft<{ tab: DashboardTab }>('dashboard', { tab: 'current' });
  const [permission, setPermission] = useState(notificationPermission);
  const ids = { current: useId(), previous: useId() };

  const askPermission = async () => {
    // Asked only here, on the user's own click: browsers (rightly) ignore unprompted requests.
    setPermission(await Notification.requestPermission());
  };

  const items = dashboard.value?.items ?? [];
  const current = itemsOn(items, 'current');
  const previous = itemsOn(items, 'previous');

  return (
    <>
      <ScreenTitle title="Dashboard">Dashboard</ScreenTitle>
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <VerificationCheck primary onChecked={dashboard.reload}>
        {shouldOfferNotifications(permission) && (
          <Button icon={<AlertRegular />} onClick={() => void askPermission()}>
            Turn on desktop notifications
          </Button>
        )}
        {dashboard.value && (
          <Text className={s.muted}>Today is {formatDate(dashboard.value.today)} (UK time).</Text>
        )}
      </VerificationCheck>
      <LiveNotice
        notice={dashboard.error && fromError(dashboard.error, 'Could not load the dashboard')}
      />
      {dashboard.error && (
        <div>
          <Button onClick={dashboard.reload}>Try again</Button>
        </div>
      )}
      {!dashboard.value && dashboard.loading && <Spinner label="Loading the dashboard…" />}
      {dashboard.value && (
        <section className={s.section} aria-label="Work">
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => setTab({ tab: d.value as DashboardTab })}
          >
            <Tab id={ids.current} value="current">
              {tabLabel('current', current.length)}
            </Tab>
            <Tab id={ids.previous} value="previous">
              {tabLabel('previous', previous.length)}
            </Tab>
          </TabList>
          <div role="tabpanel" aria-labelledby={ids[tab]}>
            <DashboardTable items={tab === 'current' ? current : previous} tab={tab} />
          </div>
        </section>
      )}
    </>
  );
}
