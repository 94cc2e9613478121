// Every upload's receipt, newest first, as Submit Learner Data's history: the file, where it went,
// its size and SHA-256, the server's upload id, who sent it and when, and the receiver's verdict.
// Failures list the server's messages and what to do next.
import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useApiEvent, useLoaded } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import { VerificationCheck } from '../../components/VerificationCheck';
import { useSectionStyles } from '../../components/ScreenTitle';
import { NARROW, ReceiptRow } from './ReceiptRow';
import type { DestinationView } from '../../../shared/ipc/views';

// The table fits its section down to a 1024-pixel window: columns wrap their text, and below
// NARROW the server's upload id (on each printable receipt) gives its room to the others, so
// Status is never pushed off-screen or behind a sideways scroll.
const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  file: { width: '17%' },
  where: { width: '16%' },
  bytes: { width: '8%' },
  hash: { width: '10%' },
  id: { width: '10%', [NARROW]: { display: 'none' } },
  who: { width: '11%' },
  when: { width: '11%' },
  status: { width: '17%' },
});

/** Known to have no password at hand (none in the vault, none given this session). */
function cannotCheck(list: DestinationView[] | undefined, name: string): boolean {
  const d = list?.find((x) => x.name === name);
  return d !== undefined && !d.passwordStored && !d.passwordForSession;
}

export function ReceiptsSection() {
  const s = useSectionStyles();
  const own = useStyles();
  const receipts = useLoaded((a) => a['uploads.list']({}));
  const destinations = useLoaded((a) => a['destinations.list']());
  useApiEvent('history.changed', () => {
    receipts.reload();
    destinations.reload();
  });
  useApiEvent('verification.result', receipts.reload);
  const list = receipts.value ?? [];
  return (
    <section className={s.section} aria-labelledby="receipts-heading">
      <h2 id="receipts-heading" className={s.heading}>
        Receipts
      </h2>
      <VerificationCheck onChecked={receipts.reload} />
      <LiveNotice
        notice={receipts.error && fromError(receipts.error, 'Could not load the receipts')}
      />
      {receipts.value && list.length === 0 && <Text>Nothing has been uploaded yet.</Text>}
      {list.length > 0 && (
        <div>
          <Table className={own.table} size="small" aria-labelledby="receipts-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={own.file}>File</TableHeaderCell>
                <TableHeaderCell className={own.where}>Destination and area</TableHeaderCell>
                <TableHeaderCell className={own.bytes}>Size</TableHeaderCell>
                <TableHeaderCell className={own.hash}>SHA-256</TableHeaderCell>
                <TableHeaderCell className={own.id}>Server upload id</TableHeaderCell>
                <TableHeaderCell className={own.who}>Sent by</TableHeaderCell>
                <TableHeaderCell className={own.when}>When</TableHeaderCell>
                <TableHeaderCell className={own.status}>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((r) => (
                <ReceiptRow
                  key={r.id}
                  r={r}
                  cannotCheck={cannotCheck(destinations.value, r.destination)}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
