// The files in a batch, in the order they are sent, with which are sent again and why.
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
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Batch } from '../../../shared/history/types';
import { FILE_STATUS, resentReason, shortHash } from './batch-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
  pos: { width: '3rem' },
  name: { width: '22%' },
  status: { width: '13%' },
  hash: { width: '9rem' },
  action: { width: '7rem' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  why: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  batch: Batch;
  editable: boolean;
  busy: boolean;
  onRemove: (name: string) => void;
}

export function BatchFilesTable({ batch, editable, busy, onRemove }: Props) {
  const s = useStyles();
  if (batch.files.length === 0)
    return <Text>No files yet. Add the final files this batch sends, below.</Text>;
  return (
    <Table className={s.table} aria-label={`Files in batch ${batch.id}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.pos}>No.</TableHeaderCell>
          <TableHeaderCell className={s.name}>File</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell className={s.hash}>SHA-256</TableHeaderCell>
          <TableHeaderCell>Sent before?</TableHeaderCell>
          {editable && <TableHeaderCell className={s.action}>Action</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {batch.files.map((f) => {
          const why = resentReason(f);
          return (
            <TableRow key={f.name}>
              <TableCell className={s.cell}>{f.position}</TableCell>
              <TableCell className={s.cell}>
                <span className={s.mono}>{f.name}</span>
              </TableCell>
              <TableCell className={s.cell}>{FILE_STATUS[f.status]}</TableCell>
              <TableCell className={s.cell}>
                <span className={s.mono} title={f.sha256} aria-label={`SHA-256 ${f.sha256}`}>
                  {shortHash(f.sha256)}
                </span>
              </TableCell>
              <TableCell className={s.cell}>
                {why ? <Text className={s.why}>{why}</Text> : 'No: first time sent'}
              </TableCell>
              {editable && (
                <TableCell className={s.cell}>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Remove ${f.name} from the batch`}
                    disabledFocusable={busy}
                    onClick={() => onRemove(f.name)}
                  >
                    Remove
                  </Button>
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
