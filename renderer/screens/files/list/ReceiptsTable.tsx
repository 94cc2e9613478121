// Where a file has been sent: the receipt's reference, bytes and hashes, who sent it and when,
// the verification status, and the server's own messages.
import {
  Badge,
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
import type { ReceiptView } from '../../../../shared/ipc/views';
import { formatBytes, formatDateTime } from '../../../app/format';
import { hashCheck } from './file-list-model';

const useStyles = makeStyles({
  wrap: { overflowWrap: 'anywhere' },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const STATUS: Record<
  ReceiptView['status'],
  { label: string; color: 'informative' | 'success' | 'danger' | 'warning' }
> = {
  transferring: { label: 'Sending', color: 'informative' },
  'pending-verification': { label: 'Upload pending verification', color: 'warning' },
  accepted: { label: 'Accepted', color: 'success' },
  failed: { label: 'Failed verification', color: 'danger' },
};

export function ReceiptsTable({ receipts, sha256 }: { receipts: ReceiptView[]; sha256: string }) {
  const s = useStyles();
  return (
    <Table size="small" aria-label="Receipts">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Sent</TableHeaderCell>
          <TableHeaderCell>Where</TableHeaderCell>
          <TableHeaderCell>Reference</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Server’s messages</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {receipts.map((r) => {
          const st = STATUS[r.status];
          return (
            <TableRow key={r.id}>
              <TableCell>
                {formatDateTime(r.startedAt)} by {r.user}
                <Text block size={200}>
                  {formatBytes(r.bytes)}. {hashCheck(r, sha256)}
                </Text>
              </TableCell>
              <TableCell className={s.wrap}>
                {r.destination}, {r.area}
                {r.batchId !== null && ` (batch ${r.batchId})`}
              </TableCell>
              <TableCell className={s.wrap}>{r.uploadId ?? '–'}</TableCell>
              <TableCell>
                <Badge appearance="tint" shape="rounded" color={st.color}>
                  {st.label}
                </Badge>
              </TableCell>
              <TableCell>
                {r.messages.length === 0 ? (
                  '–'
                ) : (
                  <ul className={s.messages}>
                    {r.messages.map((m, i) => (
                      <li key={i}>
                        {m.line ? `Line ${m.line}: ` : ''}
                        {m.message} <Text size={200}>({m.code})</Text>
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
