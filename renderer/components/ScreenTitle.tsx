// Each screen's h1. It takes focus when the user moves to the screen, so a screen reader says where
// they are and Tab continues from the top of the new screen, not from the navigation.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  title: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    ':focus': { outline: 'none' },
  },
});

export function ScreenTitle({ children, title }: { children: ReactNode; title: string }) {
  const s = useStyles();
  useEffect(() => {
    document.title = `${title} – ReturnDesk`;
  }, [title]);
  return (
    <h1 className={s.title} tabIndex={-1} data-screen-title>
      {children}
    </h1>
  );
}

export const useSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    marginBottom: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  heading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  subheading: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  actions: {
    marginBottom: tokens.spacingVerticalS,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});
