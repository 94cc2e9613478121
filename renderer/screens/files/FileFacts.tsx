// The facts about a kept file (amendment file or ILR XML file) in two columns of terms, with its
// SHA-256 on a line of its own: the fingerprint a receipt is compared with.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useSectionStyles } from '../../components/ScreenTitle';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export function FileFacts({ facts, sha256 }: { facts: [string, string][]; sha256: string }) {
  const s = useStyles();
  const section = useSectionStyles();
  return (
    <section className={section.section} aria-label="About the file">
      <dl className={s.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={s.term}>{term}</dt>
            <dd className={s.detail}>{detail}</dd>
          </div>
        ))}
        <dt className={s.term}>SHA-256</dt>
        <dd className={`${s.detail} ${s.hash}`} style={{ gridColumn: 'span 3' }}>
          {sha256}
        </dd>
      </dl>
    </section>
  );
}
