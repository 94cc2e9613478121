// Every amendment file in the history: status, NN, plan row, records, SHA-256 (short, the whole
// hash on focus and to copy), receipts, and what can be done with it.
import {
  Badge,
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular, DeleteRegular } from '@fluentui/react-icons';
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import { fileHref } from '../files-route';
import {
  STATUS_COLOR,
  STATUS_LABEL,
  canDiscard,
  planRowLabel,
  seqLabel,
  shortHash,
} from './file-list-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  name: { width: '22%' },
  status: { width: '13%' },
  nn: { width: '5%' },
  row: { width: '12%' },
  records: { width: '9%' },
  hash: { width: '16%' },
  receipts: { width: '8%' },
  actions: { width: '15%' },
  wrap: { overflowWrap: 'anywhere' },
  hashText: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  hashCell: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXS },
  badge: { whiteSpace: 'normal', height: 'auto', textAlign: 'left' },
});

interface Props {
  files: StoredAmendmentFile[];
  receipts: (f: StoredAmendmentFile) => number;
  onExport: (f: StoredAmendmentFile) => void;
  onDiscard: (f: StoredAmendmentFile) => void;
  onCopied: (text: string) => void;
}

export function FilesTable({ files, receipts, onExport, onDiscard, onCopied }: Props) {
  const s = useStyles();
  const copy = (f: StoredAmendmentFile) => {
    void navigator.clipboard?.writeText(f.sha256).then(
      () => onCopied(`The SHA-256 of ${f.name} is copied.`),
      () => onCopied(`Copying was not allowed; the SHA-256 of ${f.name} is ${f.sha256}.`),
    );
  };
  return (
    <Table className={s.table} size="small" aria-label="Amendment files">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.name}>File</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell className={s.nn}>NN</TableHeaderCell>
          <TableHeaderCell className={s.row}>Plan row</TableHeaderCell>
          <TableHeaderCell className={s.records}>Records</TableHeaderCell>
          <TableHeaderCell className={s.hash}>SHA-256</TableHeaderCell>
          <TableHeaderCell className={s.receipts}>Receipts</TableHeaderCell>
          <TableHeaderCell className={s.actions}>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((f) => (
          <TableRow key={f.id}>
            <TableCell className={s.wrap}>
              <Link href={fileHref(f.name)}>{f.name}</Link>
            </TableCell>
            <TableCell>
              <Badge
                className={s.badge}
                appearance="tint"
                shape="rounded"
                color={STATUS_COLOR[f.status]}
              >
                {STATUS_LABEL[f.status]}
              </Badge>
            </TableCell>
            <TableCell>{seqLabel(f)}</TableCell>
            <TableCell className={s.wrap}>{planRowLabel(f)}</TableCell>
            <TableCell>{f.records.toLocaleString('en-GB')}</TableCell>
            <TableCell>
              <span className={s.hashCell}>
                <Tooltip content={f.sha256} relationship="description">
                  <code className={s.hashText} tabIndex={0} aria-label={`SHA-256 ${f.sha256}`}>
                    {shortHash(f.sha256)}
                  </code>
                </Tooltip>
                <Tooltip content={`Copy the SHA-256 of ${f.name}`} relationship="label">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<CopyRegular />}
                    onClick={() => copy(f)}
                  />
                </Tooltip>
              </span>
            </TableCell>
            <TableCell>{receipts(f)}</TableCell>
            <TableCell>
              <span className={s.buttons}>
                <Tooltip content={`Export ${f.name}`} relationship="label">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDownloadRegular />}
                    onClick={() => onExport(f)}
                  />
                </Tooltip>
                {canDiscard(f) && (
                  <Tooltip content={`Discard ${f.name}…`} relationship="label">
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      onClick={() => onDiscard(f)}
                    />
                  </Tooltip>
                )}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
