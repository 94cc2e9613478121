// One tab's rows: what, the detail, the status in the regulator's wording, and the due date.
// Each title links to the screen where that work is done.
import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  mergeClasses,
} from '@fluentui/react-components';
import type { DashboardItem, DashboardTab } from '../../../shared/ipc/views';
import { formatDate } from '../../app/format';
import { EMPTY_TEXT, badgeColor } from './dashboard-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  title: { width: '30%' },
  detail: { width: '40%' },
  status: { width: '18%' },
  due: { width: '12%' },
  badge: { whiteSpace: 'normal', height: 'auto', textAlign: 'left' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
});

export function DashboardTable({ items, tab }: { items: DashboardItem[]; tab: DashboardTab }) {
  const s = useStyles();
  if (items.length === 0) {
    const empty = EMPTY_TEXT[tab];
    return (
      <div className={s.empty}>
        <Text weight="semibold">{empty.title}</Text>
        <Text>{empty.body}</Text>
      </div>
    );
  }
  return (
    <Table className={s.table} aria-label={tab === 'current' ? 'Current work' : 'Previous work'}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.title}>Title</TableHeaderCell>
          <TableHeaderCell className={s.detail}>Detail</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell className={s.due}>Due date</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item, i) => (
          <TableRow key={`${item.kind}:${item.title}:${i}`}>
            <TableCell className={mergeClasses(s.cell, s.wrap)}>
              <Link href={item.link}>{item.title}</Link>
            </TableCell>
            <TableCell className={mergeClasses(s.cell, s.wrap)}>{item.detail}</TableCell>
            <TableCell className={s.cell}>
              <Badge
                className={s.badge}
                appearance="tint"
                shape="rounded"
                color={badgeColor(item.tone)}
              >
                {item.status}
              </Badge>
            </TableCell>
            <TableCell className={s.cell}>{formatDate(item.due)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
