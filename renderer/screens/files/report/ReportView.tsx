// One checked file: counts on top, the exact text and the findings side by side, each finding a
// link that scrolls the text to its line and highlights it. The text is virtualised and its lines
// come from the worker that checked it, so a million-record file shows as quickly as a small one.
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { FileReport } from '../../../../shared/amd';
import { reportCsv } from '../../../../shared/amd';
import { VirtualGrid, useGridCellStyles } from '../../../components/VirtualGrid';
import type { VirtualGridHandle } from '../../../components/VirtualGrid';
import { usePagedRows } from '../../../components/use-paged-rows';
import { downloadCsv, reportFileName } from '../download';
import { lineMarks, summaryLine, verdict, versionsLine, whereLabel } from './report-model';

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
  sides: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    columnGap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
  findings: {
    overflowY: 'auto',
    margin: 0,
    padding: 0,
    listStyle: 'none',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  findingHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  none: { padding: tokens.spacingVerticalM },
  lineNo: { textAlign: 'right', color: tokens.colorNeutralForeground3 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  target: { backgroundColor: tokens.colorBrandBackground2 },
});

const PAGE = 100;

interface Props {
  fileName: string;
  /** Said beside the name, e.g. that the NN is a placeholder. */
  nameNote?: ReactNode;
  report: FileReport;
  lineCount: number;
  fetchLines: (from: number, to: number) => Promise<string[]>;
  /** Changes when the text does, so cached lines are dropped. */
  source: unknown;
  height?: string;
}

export function ReportView(p: Props) {
  const s = useStyles();
  const cell = useGridCellStyles();
  const summaryId = useId();
  const grid = useRef<VirtualGridHandle>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE);
  const marks = useMemo(() => lineMarks(p.report.findings), [p.report]);
  const lines = usePagedRows<string>(p.source, p.fetchLines);
  const v = verdict(p.report);
  const height = p.height ?? 'max(260px, calc(100vh - 420px))';
  const findings = p.report.findings;
  const digits = String(p.lineCount).length;

  return (
    <section aria-label={`Check of ${p.fileName}`}>
      <div className={s.top}>
        <div className={s.bar}>
          <span className={s.name}>{p.fileName}</span>
          {p.nameNote}
        </div>
        <MessageBar intent={v.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{v.text}</MessageBarTitle>
            <span id={summaryId}>{summaryLine(p.report)}</span>
          </MessageBarBody>
        </MessageBar>
        <div className={s.bar}>
          <Text size={200}>{versionsLine(p.report)}</Text>
          <Button
            size="small"
            icon={<ArrowDownloadRegular />}
            onClick={() => downloadCsv(reportFileName(p.fileName), reportCsv([p.report]))}
          >
            Export report (CSV)
          </Button>
        </div>
      </div>
      <div className={s.sides}>
        <VirtualGrid
          handle={grid}
          label={`Text of ${p.fileName}`}
          describedBy={summaryId}
          idPrefix={`text-${p.fileName.replace(/\W/g, '_')}`}
          resetKey={p.source}
          count={p.lineCount}
          rowHeight={24}
          height={height}
          columns={`${digits + 3}ch max-content`}
          onRange={lines.onRange}
          rowClass={(i) => {
            const line = i + 1;
            if (line === target) return s.target;
            const m = marks.get(line);
            return m === 'error' ? s.error : m === 'warning' ? s.warning : undefined;
          }}
          header={
            <>
              <span role="columnheader" className={cell.headerCell}>
                Line
              </span>
              <span role="columnheader" className={cell.headerCell}>
                Text
              </span>
            </>
          }
          renderCells={(i) => {
            const text = lines.get(i);
            return (
              <>
                <span role="rowheader" className={mergeClasses(cell.cell, s.lineNo)}>
                  {i + 1}
                </span>
                <span role="gridcell" className={cell.cell}>
                  {text ?? <span className={cell.muted}>…</span>}
                </span>
              </>
            );
          }}
        />
        <ul className={s.findings} style={{ height }} aria-label="Findings">
          {findings.length === 0 && (
            <li className={s.none}>
              <Text>No findings: the file meets every rule checked.</Text>
            </li>
          )}
          {findings.slice(0, shown).map((f, i) => (
            <li key={i} className={s.finding}>
              <div className={s.findingHead}>
                <Badge
                  appearance="filled"
                  color={f.severity === 'error' ? 'danger' : 'warning'}
                  shape="rounded"
                >
                  {f.severity === 'error' ? 'Error' : 'Warning'}
                </Badge>
                {f.line !== null ? (
                  <Link
                    as="button"
                    onClick={() => {
                      const line = f.line as number;
                      setTarget(line);
                      grid.current?.goTo(line - 1);
                    }}
                  >
                    {whereLabel(f)}
                  </Link>
                ) : (
                  <Text size={200}>{whereLabel(f)}</Text>
                )}
                <span className={s.rule}>{f.rule}</span>
              </div>
              <Text size={200}>{f.message}</Text>
            </li>
          ))}
          {findings.length > shown && (
            <li className={s.none}>
              <Button onClick={() => setShown((n) => n + PAGE)}>
                Show more findings ({findings.length - shown} not shown)
              </Button>
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}
