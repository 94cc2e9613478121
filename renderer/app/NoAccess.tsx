// What a browser-mode page shows when it has no way in: its address's one-time code was used
// already or is not one this run of ReturnDesk gave out, or ReturnDesk is not running.
import { Body1, FluentProvider, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { NoAccessReason } from '../api';
import { useSystemTheme } from './theme';

const useStyles = makeStyles({
  page: {
    maxWidth: '40rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

const SAYS: Record<NoAccessReason, { title: string; why: string }> = {
  CODE_USED: {
    title: 'This address has been used already',
    why: 'Each address ReturnDesk gives opens one page, once, so that nobody else can use it after you.',
  },
  CODE_UNKNOWN: {
    title: 'This address is not from this run of ReturnDesk',
    why: 'It may be from an earlier run, or part of it is missing.',
  },
  NETWORK: {
    title: 'ReturnDesk is not running',
    why: 'This page could not reach ReturnDesk on this computer.',
  },
};

export function NoAccess({ reason }: { reason: NoAccessReason }) {
  const s = useStyles();
  const { theme, dark } = useSystemTheme();
  const { title, why } = SAYS[reason];
  return (
    <FluentProvider theme={theme} style={{ colorScheme: dark ? 'dark' : 'light' }}>
      <main className={s.page}>
        <Title2 as="h1">{title}</Title2>
        <Body1>{why}</Body1>
        <Body1>
          Open the newest address that <code>returndesk serve</code> printed in its window (it
          prints a fresh one each time one is used), or start <code>returndesk serve</code> again.
        </Body1>
      </main>
    </FluentProvider>
  );
}
