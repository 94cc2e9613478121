// The left navigation. Only the screens this version has are listed; the list in routes.ts grows
// to Dashboard, Action plans, Amendment files, Batches, Uploads, Settings and Data portal.
import { Nav, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import {
  Board20Regular,
  CloudArrowUp20Regular,
  DocumentBulletList20Regular,
  DocumentEdit20Regular,
  Globe20Regular,
  Settings20Regular,
  Stack20Regular,
} from '@fluentui/react-icons';
import { NAV_SCREENS } from './routes';
import type { ScreenId } from './routes';

const ICONS: Record<ScreenId, FluentIcon> = {
  dashboard: Board20Regular,
  plans: DocumentBulletList20Regular,
  files: DocumentEdit20Regular,
  batches: Stack20Regular,
  uploads: CloudArrowUp20Regular,
  settings: Settings20Regular,
  portal: Globe20Regular,
};

const useStyles = makeStyles({
  nav: {
    width: '200px',
    // The screen beside it may hold long lines; the navigation keeps its width regardless.
    flexShrink: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    // The colour Fluent's Nav items are drawn for.
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function AppNav({ current }: { current: ScreenId }) {
  const s = useStyles();
  // A plain Nav rather than NavDrawer: the drawer slides in on every load, which a permanent
  // sidebar has no reason to do. Each item is a link, so each is its own Tab stop.
  return (
    <nav className={s.nav} aria-label="ReturnDesk screens">
      <Nav selectedValue={current}>
        {NAV_SCREENS.map((screen) => {
          const Icon = ICONS[screen.id];
          return (
            <NavItem key={screen.id} value={screen.id} href={screen.href} icon={<Icon />}>
              {screen.label}
            </NavItem>
          );
        })}
      </Nav>
    </nav>
  );
}
