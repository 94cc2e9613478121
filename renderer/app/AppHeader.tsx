// The window's header: where this ReturnDesk keeps its history and anything wrong with that place
// (a network share opened without WAL, no credential vault) — things to know before working.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { FolderRegular } from '@fluentui/react-icons';
import type { AppInfo } from '../../shared/ipc/views';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  facts: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    marginLeft: 'auto',
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
  },
  folder: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  path: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '40vw' },
  warnings: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export const modeLabel = (mode: AppInfo['mode']) =>
  mode === 'electron' ? 'Desktop app' : 'Browser mode (this computer only)';

export function AppHeader({ info }: { info: AppInfo | undefined }) {
  const s = useStyles();
  return (
    <header>
      <div className={s.bar}>
        <Text className={s.product}>ReturnDesk</Text>
        {info && (
          <div className={s.facts}>
            <Text size={200}>{modeLabel(info.mode)}</Text>
            <Text size={200} aria-hidden>
              ·
            </Text>
            <Text size={200} className={s.folder} title={info.dataFolder}>
              <FolderRegular aria-hidden />
              <span className={s.path}>Data folder: {info.dataFolder}</span>
            </Text>
            <Text size={200} aria-hidden>
              ·
            </Text>
            <Text size={200}>Version {info.version}</Text>
          </div>
        )}
      </div>
      {info && info.warnings.length > 0 && (
        <div className={s.warnings} aria-label="Data folder warnings" role="region">
          {info.warnings.map((w) => (
            <MessageBar key={w} intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Data folder</MessageBarTitle>
                {w}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
    </header>
  );
}
