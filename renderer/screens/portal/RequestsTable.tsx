// One tab of the dashboard, as the guide draws it: Reporting Period, Template, Due Date and Status,
// with the upload button to the right while the collection is open and "No data to submit" beside
// it. A failure shows the portal's message under its row.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowUploadRegular, DocumentDismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { DataRequestView } from '../../../shared/ipc/portal';
import { formatPortalDate } from '../../app/format';
import { StatusBadge } from '../../components/StatusBadge';
import {
  EMPTY_TAB,
  badgeColor,
  failureDetail,
  requestName,
  requestSource,
  rowActions,
} from './portal-model';
import type { PortalTab } from './portal-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
  joined: { borderBottomStyle: 'none' },
  period: { width: '16%' },
  template: { width: '24%' },
  due: { width: '13%' },
  status: { width: '21%' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  detail: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
});

const COLUMNS = 5;

interface Props {
  tab: PortalTab;
  requests: DataRequestView[];
  onUpload: (r: DataRequestView) => void;
  onNilReturn: (r: DataRequestView) => void;
}

export function RequestsTable({ tab, requests, onUpload, onNilReturn }: Props) {
  const s = useStyles();
  // Closing the nil return's dialog gives focus back to the button that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  if (requests.length === 0) {
    const empty = EMPTY_TAB[tab];
    return (
      <div className={s.empty}>
        <Text weight="semibold">{empty.title}</Text>
        <Text>{empty.body}</Text>
      </div>
    );
  }
  return (
    <Table
      className={s.table}
      aria-label={tab === 'current' ? 'Current data requests' : 'Previous data requests'}
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.period}>Reporting Period</TableHeaderCell>
          <TableHeaderCell className={s.template}>Template</TableHeaderCell>
          <TableHeaderCell className={s.due}>Due Date</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell>
            <span className={s.muted}>Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((r) => {
          const actions = rowActions(r);
          const detail = failureDetail(r);
          const cell = mergeClasses(s.cell, detail !== null && s.joined);
          return (
            <RowPair key={r.id} detail={detail} r={r}>
              <TableRow className={detail !== null ? s.joined : undefined}>
                <TableCell className={cell}>{r.period}</TableCell>
                <TableCell className={cell}>
                  {r.template}
                  <Text block size={200} className={s.muted}>
                    {requestSource(r)}
                  </Text>
                </TableCell>
                <TableCell className={cell}>{formatPortalDate(r.due)}</TableCell>
                <TableCell className={cell}>
                  <StatusBadge label={r.status.text} color={badgeColor(r.status.tone)} />
                  {r.latestUpload && (
                    <Text block size={200} className={s.muted}>
                      {r.latestUpload.fileName}
                    </Text>
                  )}
                </TableCell>
                <TableCell className={cell}>
                  <div className={s.actions}>
                    {actions.upload && (
                      <Button
                        size="small"
                        icon={<ArrowUploadRegular />}
                        aria-label={`Upload a file for ${requestName(r)}`}
                        onClick={() => onUpload(r)}
                      >
                        Upload
                      </Button>
                    )}
                    {actions.nilReturn && (
                      <Button
                        size="small"
                        icon={<DocumentDismissRegular />}
                        aria-label={`No data to submit for ${requestName(r)}`}
                        onClick={() => onNilReturn(r)}
                        {...restoreFocusTarget}
                      >
                        No data to submit
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            </RowPair>
          );
        })}
      </TableBody>
    </Table>
  );
}

function RowPair({
  r,
  detail,
  children,
}: {
  r: DataRequestView;
  detail: string | null;
  children: ReactNode;
}) {
  const s = useStyles();
  return (
    <>
      {children}
      {detail !== null && (
        <TableRow>
          <TableCell className={s.cell} colSpan={COLUMNS}>
            <div
              className={s.detail}
              role="group"
              aria-label={`What the portal said about ${requestName(r)}`}
            >
              <Text weight="semibold">What the portal said: </Text>
              <Text>{detail}</Text>
            </div>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
