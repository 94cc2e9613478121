// One receipt: a row of facts, and beneath it, across the whole table, what the server said and
// what to do next, so a failure reads as sentences rather than a column of fragments.
import { Link, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReceiptView } from '../../../shared/ipc/views';
import { formatBytes, formatDateTime } from '../../app/format';
import { StatusBadge } from '../../components/StatusBadge';
import { shortHash } from '../batches/batch-model';
import { adviceForAll } from './upload-advice';
import { RECEIPT_STATUS, messageText } from './upload-model';

/** Below this width the receipts table drops its lowest-priority column. */
export const NARROW = '@media (max-width: 1279px)';

const useStyles = makeStyles({
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
  joined: { borderBottomStyle: 'none' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  detail: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    overflowWrap: 'anywhere',
  },
  note: {
    borderLeftColor: tokens.colorNeutralStroke1,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** Given up first on a narrow window, so Status stays in view (the receipt page has it). */
  optional: { [NARROW]: { display: 'none' } },
});

export const RECEIPT_COLUMNS = 8;

export function ReceiptRow({ r, cannotCheck }: { r: ReceiptView; cannotCheck: boolean }) {
  const s = useStyles();
  const failed = r.status === 'failed';
  const waitingBlind = r.status === 'pending-verification' && cannotCheck;
  const detail = failed || waitingBlind;
  const cell = detail ? `${s.cell} ${s.joined}` : s.cell;
  return (
    <>
      <TableRow className={detail ? s.joined : undefined}>
        <TableCell className={cell}>
          <span className={s.mono}>{r.file}</span>
          {r.batchId !== null && (
            <Text block size={200}>
              Batch {r.batchId}
            </Text>
          )}
          <Link
            href={`#/uploads/receipt/upload/${r.id}`}
            aria-label={`Printable receipt for ${r.file}`}
          >
            Printable receipt
          </Link>
        </TableCell>
        <TableCell className={cell}>
          {r.destination}
          <Text block size={200}>
            {r.area}
          </Text>
        </TableCell>
        <TableCell className={cell}>{formatBytes(r.bytes)}</TableCell>
        <TableCell className={cell}>
          <span className={s.mono} title={r.sha256} aria-label={`SHA-256 ${r.sha256}`}>
            {shortHash(r.sha256)}
          </span>
        </TableCell>
        <TableCell className={`${cell} ${s.optional}`}>
          <span className={s.mono}>{r.uploadId ?? 'None yet'}</span>
        </TableCell>
        <TableCell className={cell}>
          {r.user}
          {!r.userIsPerson && (
            <Text block size={200}>
              computer account: no name set in Settings
            </Text>
          )}
        </TableCell>
        <TableCell className={cell}>{formatDateTime(r.receivedAt ?? r.startedAt)}</TableCell>
        <TableCell className={cell}>
          <StatusBadge {...RECEIPT_STATUS[r.status]} />
        </TableCell>
      </TableRow>
      {detail && (
        <TableRow>
          <TableCell className={s.cell} colSpan={RECEIPT_COLUMNS}>
            {failed ? <FailureDetail r={r} /> : <BlindNote r={r} />}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function FailureDetail({ r }: { r: ReceiptView }) {
  const s = useStyles();
  const advice = adviceForAll(r.messages.map((m) => m.code));
  return (
    <div className={s.detail} role="group" aria-label={`Why ${r.file} failed`}>
      <Text weight="semibold">What the server said about {r.file}:</Text>
      <ul className={s.messages}>
        {r.messages.length === 0 && <li>No details were given.</li>}
        {r.messages.map((m, i) => (
          <li key={i}>{messageText(m)}</li>
        ))}
      </ul>
      {r.serverSha256 && r.serverSha256 !== r.sha256 && (
        <Text size={200}>
          SHA-256 of what the server received: <span className={s.mono}>{r.serverSha256}</span>
        </Text>
      )}
      {advice.map((a) => (
        <Text key={a}>
          <Text weight="semibold">What to do: </Text>
          {a}
        </Text>
      ))}
    </div>
  );
}

function BlindNote({ r }: { r: ReceiptView }) {
  const s = useStyles();
  return (
    <div className={`${s.detail} ${s.note}`}>
      <Text>
        Cannot check: no password for {r.destination}. Press “Check for verification results” and
        give it there, or store it in <Link href="#/settings">Settings</Link>.
      </Text>
    </div>
  );
}
