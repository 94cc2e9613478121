// What the check of the chosen CSV found: a heading and a sentence (rows, errors, warnings, the file
// format used, or that no format is attached), then each finding with its row, column, value,
// message and code. Every finding can be saved as CSV; the first few hundred are drawn.
import {
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
import type { CsvCheckView } from '../../../shared/ipc/portal';
import { plural } from '../../../shared/history/wording';
import { downloadCsv } from '../../app/bytes';
import { StatusBadge } from '../../components/StatusBadge';
import {
  checkSummary,
  findingsCsv,
  findingsFileName,
  rowText,
  shownFindings,
} from './upload-model';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL },
  // A Tab stop, so keyboard users can scroll a long list of findings.
  scroll: {
    maxHeight: '24rem',
    overflowY: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere', whiteSpace: 'normal' },
  row: { width: '7%' },
  column: { width: '16%' },
  value: { width: '16%' },
  code: { width: '20%' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export function CheckResult({ check, headingId }: { check: CsvCheckView; headingId: string }) {
  const s = useStyles();
  const summary = checkSummary(check);
  const { rows, hidden } = shownFindings(check.findings);
  return (
    <div className={s.result}>
      <MessageBar intent={summary.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{summary.title}</MessageBarTitle>
          <span>{summary.text}</span>
        </MessageBarBody>
      </MessageBar>
      {check.format !== null && (
        <div className={s.facts} aria-label="Check totals" role="group">
          <Text>
            <Text weight="semibold">Rows: </Text>
            {check.rows}
          </Text>
          <Text>
            <Text weight="semibold">Errors: </Text>
            {check.errors}
          </Text>
          <Text>
            <Text weight="semibold">Warnings: </Text>
            {check.warnings}
          </Text>
        </div>
      )}
      {check.findings.length > 0 && (
        <>
          <div className={s.scroll} tabIndex={0} role="region" aria-labelledby={headingId}>
            <Table className={s.table} size="small" aria-label={`Findings in ${check.file}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={s.row}>Row</TableHeaderCell>
                  <TableHeaderCell className={s.column}>Column</TableHeaderCell>
                  <TableHeaderCell className={s.value}>Value</TableHeaderCell>
                  <TableHeaderCell>Message</TableHeaderCell>
                  <TableHeaderCell className={s.code}>Code</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((f, i) => (
                  <TableRow key={i}>
                    <TableCell className={s.cell}>{rowText(f.row)}</TableCell>
                    <TableCell className={s.cell}>{f.column ?? ''}</TableCell>
                    <TableCell className={s.cell}>
                      <span className={s.mono}>{f.value ?? ''}</span>
                    </TableCell>
                    <TableCell className={s.cell}>{f.message}</TableCell>
                    <TableCell className={s.cell}>
                      <StatusBadge
                        label={`${f.rule} (${f.severity})`}
                        color={f.severity === 'error' ? 'danger' : 'warning'}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {hidden > 0 && (
            <Text>
              The first {rows.length} findings are shown; {plural(hidden, 'more is', 'more are')} in
              the saved CSV.
            </Text>
          )}
          <div>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() => downloadCsv(findingsFileName(check.file), findingsCsv(check))}
            >
              Save the findings as CSV
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
