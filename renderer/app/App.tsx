// The frame every screen lives in: theme, header, navigation, the routed screen inside an error
// boundary, the verification notices and, without a credential vault, the audit passphrase
// question. Drafts sit above the boundary so typed work survives.
import { Button, FluentProvider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WindowApi } from '../../shared/ipc/api';
import { LiveNotice, fromError } from '../components/Notice';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { PlansScreen } from '../screens/plans/PlansScreen';
import { BatchesScreen } from '../screens/batches/BatchesScreen';
import { UploadsScreen } from '../screens/uploads/UploadsScreen';
import { FilesScreen } from '../screens/files/FilesScreen';
import { PortalScreen } from '../screens/portal/PortalScreen';
import { AppHeader } from './AppHeader';
import { AppNav } from './AppNav';
import { AuditPassphrase } from './AuditPassphrase';
import { PlanReminders } from './PlanReminders';
import { Drafts } from './drafts';
import { ScreenErrorBoundary } from './ErrorBoundary';
import { ApiContext, DraftsContext, useApiEvent, useLoaded } from './hooks';
import { useSystemTheme } from './theme';
import { goTo, useRoute } from './use-route';
import { VerificationNotices } from './VerificationNotices';

const useStyles = makeStyles({
  app: { display: 'flex', flexDirection: 'column', height: '100%' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus': { outline: 'none' },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 1000,
      padding: tokens.spacingVerticalS,
      backgroundColor: tokens.colorNeutralBackground1,
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

export function App({ api }: { api: WindowApi }) {
  const { theme, dark } = useSystemTheme();
  const [drafts] = useState(() => new Drafts());
  return (
    <FluentProvider theme={theme} style={{ colorScheme: dark ? 'dark' : 'light' }}>
      <ApiContext.Provider value={api}>
        <DraftsContext.Provider value={drafts}>
          <Frame />
          <VerificationNotices />
          <PlanReminders />
          <AuditPassphrase />
        </DraftsContext.Provider>
      </ApiContext.Provider>
    </FluentProvider>
  );
}

function Frame() {
  const s = useStyles();
  const info = useLoaded((a) => a['app.info']());
  // A restore or another window can change the data folder's state or end the first run.
  useApiEvent('history.changed', info.reload);
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // Decided once from the first answer: adding the provider in step 1 ends "firstRun" in main,
  // but the guide carries on to its last step.
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  if (firstRun === null && info.value) setFirstRun(info.value.firstRun);
  const arrived = useRef(false);
  useEffect(() => {
    // After moving to another screen, start from its title: a screen reader says where the user
    // is, and Tab goes on from the top of the new screen rather than from the navigation.
    if (arrived.current) main.current?.querySelector<HTMLElement>('[data-screen-title]')?.focus();
    arrived.current = true;
  }, [route.hash]);

  const screen = () => {
    if (!info.value) {
      if (info.error) {
        return (
          <>
            <LiveNotice notice={fromError(info.error, 'ReturnDesk could not open your history')} />
            <Button onClick={info.reload}>Try again</Button>
          </>
        );
      }
      return <Spinner label="Opening your history…" />;
    }
    if (firstRun) {
      return (
        <FirstRunScreen
          info={info.value}
          onFinished={() => {
            setFirstRun(false);
            goTo('#/dashboard');
            info.reload();
          }}
        />
      );
    }
    if (route.screen === 'settings') return <SettingsScreen info={info.value} />;
    if (route.screen === 'plans') return <PlansScreen params={route.params} />;
    if (route.screen === 'files') return <FilesScreen params={route.params} />;
    if (route.screen === 'batches') return <BatchesScreen params={route.params} />;
    if (route.screen === 'uploads')
      return <UploadsScreen params={route.params} info={info.value} />;
    if (route.screen === 'portal') return <PortalScreen params={route.params} info={info.value} />;
    return <DashboardScreen notice={route.notice} />;
  };

  return (
    <div className={s.app}>
      <a
        href="#main"
        className={s.skip}
        onClick={(e) => {
          // A plain #main would be taken for a route.
          e.preventDefault();
          main.current?.querySelector<HTMLElement>('[data-screen-title]')?.focus();
        }}
      >
        Skip to main content
      </a>
      <AppHeader info={info.value} />
      <div className={s.body}>
        {firstRun === false && <AppNav current={route.screen} />}
        <main ref={main} id="main" className={s.main}>
          <ScreenErrorBoundary resetKey={firstRun ? 'first-run' : route.hash}>
            {screen()}
          </ScreenErrorBoundary>
        </main>
      </div>
    </div>
  );
}
