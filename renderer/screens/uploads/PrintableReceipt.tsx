// One upload's or one batch's receipt on one page, to print or save as PDF for an auditor: the
// files with their sizes and SHA-256, where they went and when, who sent them and who signed them
// off, the regulator's verdict, and the audit trail's head that the server keeps with each file.
// #/uploads/receipt/upload/ID and #/uploads/receipt/batch/ID. The app's frame and the buttons are
// left off the printed page (styles.css, @media print).
import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PrintRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useApiEvent, useLoaded } from '../../app/hooks';
import { formatBytes, formatDateTime } from '../../app/format';
import { LiveNotice, fromError } from '../../components/Notice';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { PrintableReceipt as Receipt } from '../../../shared/ipc/receipt';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalM, alignItems: 'center' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
});

export function PrintableReceipt({ kind, id }: { kind: 'upload' | 'batch'; id: number }) {
  const s = useStyles();
  const receipt = useLoaded((a) =>
    a['receipts.get'](kind === 'batch' ? { batchId: id } : { uploadId: id }),
  );
  useApiEvent('history.changed', receipt.reload);
  useApiEvent('verification.result', receipt.reload);
  const title = kind === 'batch' ? `Batch ${id} receipt` : `Upload receipt ${id}`;
  const r = receipt.value;
  return (
    <div className={s.page}>
      <ScreenTitle title={title}>{title}</ScreenTitle>
      <div className={`${s.actions} rd-no-print`}>
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          Print or save as PDF
        </Button>
        <Link href={kind === 'batch' ? `#/batches/${id}` : '#/uploads'}>
          {kind === 'batch' ? 'Back to the batch' : 'Back to uploads'}
        </Link>
      </div>
      <LiveNotice
        notice={receipt.error && fromError(receipt.error, 'The receipt could not be made')}
      />
      {!r && !receipt.error && <Spinner label="Loading the receipt…" />}
      {r && <ReceiptBody r={r} />}
    </div>
  );
}

function ReceiptBody({ r }: { r: Receipt }) {
  const s = useStyles();
  const fact = (term: string, value: ReactNode) => (
    <>
      <dt className={s.term}>{term}</dt>
      <dd className={s.value}>{value}</dd>
    </>
  );
  return (
    <>
      <dl className={s.facts} aria-label="Receipt">
        {r.provider && fact('Provider', r.year ? `${r.provider}, ${r.year}` : r.provider)}
        {fact('Destination', `${r.destination}, ${r.area}`)}
        {fact('Started', formatDateTime(r.startedAt))}
        {fact('Received', r.receivedAt ? formatDateTime(r.receivedAt) : 'Not yet in full')}
        {fact(
          'Sent by',
          r.sentByIsPerson
            ? r.sentBy
            : `${r.sentBy} (the computer's account: no data officer's name was set)`,
        )}
        {fact(
          'Signed off by',
          r.signedOff
            ? `${r.signedOff.by}, ${formatDateTime(r.signedOff.at)}`
            : 'No sign-off (not sent as a batch)',
        )}
        {fact('Verification', r.verification)}
        {fact(
          'Audit head',
          r.auditHead ? (
            <span className={s.mono}>
              Entry {r.auditHead.entry}, {r.auditHead.seal}
            </span>
          ) : (
            'None recorded'
          ),
        )}
        {fact('Files', `${r.files.length}, ${formatBytes(r.totalBytes)} in all`)}
      </dl>
      <table className={s.table} aria-label="Files">
        <thead>
          <tr>
            <th className={s.cell} style={{ width: '22%' }}>
              File
            </th>
            <th className={s.cell} style={{ width: '10%' }}>
              Size
            </th>
            <th className={s.cell} style={{ width: '40%' }}>
              SHA-256
            </th>
            <th className={s.cell}>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {r.files.map((f) => (
            <tr key={`${f.name}-${f.sha256}`}>
              <td className={`${s.cell} ${s.mono}`}>{f.name}</td>
              <td className={s.cell}>{formatBytes(f.bytes)}</td>
              <td className={`${s.cell} ${s.mono}`}>{f.sha256}</td>
              <td className={s.cell}>
                {f.outcome}
                {f.uploadId && <div>Server upload id {f.uploadId}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
