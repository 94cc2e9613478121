// Layout shared by the journey's forms: rows of fields that wrap at narrow widths, field widths,
// groups of checkboxes, and the browser's own file input drawn to match Fluent's text.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useFormStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  short: { width: '12rem' },
  medium: { width: '20rem' },
  long: { flexGrow: 1, minWidth: '18rem', maxWidth: '36rem' },
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  file: {
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalM },
});
