// The check of one ILR XML file: the verdict and counts, what the header says and what the file
// holds, and the findings with line AND column (an XML file's elements share lines freely), with
// the same CSV export as an .amd report. Nothing of the file is shown or kept: main checks bytes.
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { FileReport } from '../../../../shared/amd';
import { reportCsv } from '../../../../shared/amd';
import { downloadCsv, reportFileName } from '../download';
import { columnLabel, lineLabel, summaryFacts, xmlSummaryLine, xmlVerdict } from './xml-model';

const useStyles = makeStyles({
  top: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, max-content minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  table: { tableLayout: 'fixed', width: '100%' },
  sev: { width: '7rem' },
  num: { width: '5rem' },
  code: { width: '13rem' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere', whiteSpace: 'normal' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const PAGE = 100;

interface Props {
  fileName: string;
  report: FileReport;
  /** What can be done with the file now, e.g. "Add to the history". */
  children?: ReactNode;
}

export function XmlReportView({ fileName, report, children }: Props) {
  const s = useStyles();
  const [shown, setShown] = useState(PAGE);
  const v = xmlVerdict(report);
  const facts = summaryFacts(report);
  const findings = report.findings;
  return (
    <section aria-label={`Check of ${fileName}`} className={s.top}>
      <div className={s.bar}>
        <span className={s.name}>{fileName}</span>
      </div>
      <MessageBar intent={v.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{v.text}</MessageBarTitle>
          {xmlSummaryLine(report)}
        </MessageBarBody>
      </MessageBar>
      {facts.length > 0 && (
        <dl className={s.facts} aria-label={`What ${fileName} holds`}>
          {facts.map(([term, detail]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={s.term}>{term}</dt>
              <dd className={s.detail}>{detail}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className={s.bar}>
        <Text size={200}>Checked with rule set {report.ruleset}.</Text>
        <Button
          size="small"
          icon={<ArrowDownloadRegular />}
          onClick={() => downloadCsv(reportFileName(fileName), reportCsv([report]))}
        >
          Export report (CSV)
        </Button>
        {children}
      </div>
      {findings.length === 0 ? (
        <Text>No findings: the file meets every check.</Text>
      ) : (
        <Table className={s.table} size="small" aria-label={`Findings in ${fileName}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.sev}>Severity</TableHeaderCell>
              <TableHeaderCell className={s.num}>Line</TableHeaderCell>
              <TableHeaderCell className={s.num}>Column</TableHeaderCell>
              <TableHeaderCell className={s.code}>Code</TableHeaderCell>
              <TableHeaderCell>Message</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {findings.slice(0, shown).map((f, i) => (
              <TableRow key={i}>
                <TableCell className={s.cell}>
                  <Badge
                    appearance="filled"
                    shape="rounded"
                    color={f.severity === 'error' ? 'danger' : 'warning'}
                  >
                    {f.severity === 'error' ? 'Error' : 'Warning'}
                  </Badge>
                </TableCell>
                <TableCell className={s.cell}>{lineLabel(f)}</TableCell>
                <TableCell className={s.cell}>{columnLabel(f)}</TableCell>
                <TableCell className={s.cell}>
                  <span className={s.mono}>{f.rule}</span>
                </TableCell>
                <TableCell className={s.cell}>{f.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {findings.length > shown && (
        <div>
          <Button onClick={() => setShown((n) => n + PAGE)}>
            Show more findings ({findings.length - shown} not shown)
          </Button>
        </div>
      )}
    </section>
  );
}
