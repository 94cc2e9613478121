// Where the history is kept, how ReturnDesk is running, and whether passwords can be remembered.
import {
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  mergeClasses,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { AppInfo } from '../../../shared/ipc/views';
import { modeLabel } from '../../app/AppHeader';
import { NOT_REMEMBERED } from '../../components/SecretFields';
import { useSectionStyles } from '../../components/ScreenTitle';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  path: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
});

export function DataFolderSection({ info }: { info: AppInfo }) {
  const s = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Data folder
      </h2>
      <dl className={own.facts}>
        <dt className={own.term}>Folder</dt>
        <dd className={mergeClasses(own.value, own.path)}>{info.dataFolder}</dd>
        <dt className={own.term}>Running as</dt>
        <dd className={own.value}>{modeLabel(info.mode)}</dd>
        <dt className={own.term}>Version</dt>
        <dd className={own.value}>{info.version}</dd>
        <dt className={own.term}>Passwords</dt>
        <dd className={own.value}>
          {info.vault.available
            ? 'Kept in this computer’s credential vault.'
            : `${NOT_REMEMBERED}. ${info.vault.message ?? 'There is no credential vault ReturnDesk can use, so it asks for passwords each time.'}`}
        </dd>
      </dl>
      {info.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {info.warnings.length === 0 && (
        <Text className={s.muted}>No problems found with the data folder.</Text>
      )}
    </section>
  );
}
