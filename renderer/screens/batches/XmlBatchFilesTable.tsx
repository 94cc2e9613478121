// A 2011-12 batch's re-submission set: the XML files in the order they are sent, what each holds,
// and whether it is new here or carried over (and from which batch) as HEFCE's rule requires.
import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Batch } from '../../../shared/history/types';
import { StatusBadge } from '../../components/StatusBadge';
import { xmlFileHref } from '../files/files-route';
import { XML_STATUS } from '../files/xml/xml-model';
import { carriedLabel } from './xml-batch-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere', whiteSpace: 'normal' },
  pos: { width: '2.5rem' },
  name: { width: '24%' },
  type: { width: '2.5rem' },
  serial: { width: '3.5rem' },
  count: { width: '5.5rem' },
  status: { width: '8rem' },
  action: { width: '4.5rem' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

interface Props {
  batch: Batch;
  editable: boolean;
  busy: boolean;
  onRemove: (name: string) => void;
}

export function XmlBatchFilesTable({ batch, editable, busy, onRemove }: Props) {
  const s = useStyles();
  const files = batch.xml?.files ?? [];
  if (files.length === 0)
    return <Text>No XML files yet. Add this batch’s ILR ‘A’ or ‘B’ files below.</Text>;
  return (
    <Table className={s.table} size="small" aria-label={`Re-submission set of batch ${batch.id}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.pos}>No.</TableHeaderCell>
          <TableHeaderCell className={s.name}>File</TableHeaderCell>
          <TableHeaderCell className={s.type}>A/B</TableHeaderCell>
          <TableHeaderCell className={s.serial}>Serial</TableHeaderCell>
          <TableHeaderCell className={s.count}>Learners</TableHeaderCell>
          <TableHeaderCell className={s.count}>Deliveries</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell>In this batch</TableHeaderCell>
          {editable && <TableHeaderCell className={s.action}>Remove</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((f) => (
          <TableRow key={f.name}>
            <TableCell className={s.cell}>{f.position}</TableCell>
            <TableCell className={s.cell}>
              <Link className={s.mono} href={xmlFileHref(f.name)}>
                {f.name}
              </Link>
            </TableCell>
            <TableCell className={s.cell}>{f.transmissionType}</TableCell>
            <TableCell className={s.cell}>{f.serialNo}</TableCell>
            <TableCell className={s.cell}>{f.learners.toLocaleString('en-GB')}</TableCell>
            <TableCell className={s.cell}>{f.deliveries.toLocaleString('en-GB')}</TableCell>
            <TableCell className={s.cell}>
              <StatusBadge {...XML_STATUS[f.status]} />
            </TableCell>
            <TableCell className={s.cell}>{carriedLabel(f)}</TableCell>
            {editable && (
              <TableCell className={s.cell}>
                <Tooltip content={`Remove ${f.name} from the batch`} relationship="label">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    disabledFocusable={busy}
                    onClick={() => onRemove(f.name)}
                  />
                </Tooltip>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
