// The ILR XML files in the history (2011-12 onwards): what each header said, its status, and the
// batches it has been in — the evidence for HEFCE's rule that later batches send it again.
import {
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
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { StoredXmlFile } from '../../../../shared/history/types';
import { StatusBadge } from '../../../components/StatusBadge';
import { xmlFileHref } from '../files-route';
import { XML_STATUS, batchesLabel, canWithdraw } from './xml-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  name: { width: '24%' },
  provider: { width: '10%' },
  year: { width: '7%' },
  small: { width: '5%' },
  count: { width: '8%' },
  status: { width: '12%' },
  batches: { width: '10%' },
  actions: { width: '6%' },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

interface Props {
  files: StoredXmlFile[];
  batchesOf: (name: string) => number[] | undefined;
  onWithdraw: (f: StoredXmlFile) => void;
}

export function XmlFilesTable({ files, batchesOf, onWithdraw }: Props) {
  const s = useStyles();
  return (
    <Table className={s.table} size="small" aria-label="ILR XML files">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={s.name}>File</TableHeaderCell>
          <TableHeaderCell className={s.provider}>Provider</TableHeaderCell>
          <TableHeaderCell className={s.year}>Year</TableHeaderCell>
          <TableHeaderCell className={s.small}>A/B</TableHeaderCell>
          <TableHeaderCell className={s.small}>Serial</TableHeaderCell>
          <TableHeaderCell className={s.count}>Learners</TableHeaderCell>
          <TableHeaderCell className={s.count}>Deliveries</TableHeaderCell>
          <TableHeaderCell className={s.status}>Status</TableHeaderCell>
          <TableHeaderCell className={s.batches}>Batches</TableHeaderCell>
          <TableHeaderCell className={s.actions}>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((f) => (
          <TableRow key={f.id}>
            <TableCell className={s.wrap}>
              <Link href={xmlFileHref(f.name)}>{f.name}</Link>
            </TableCell>
            <TableCell className={s.wrap}>
              {f.upin}
              <br />
              UKPRN {f.ukprn}
            </TableCell>
            <TableCell>{f.year}</TableCell>
            <TableCell>{f.transmissionType}</TableCell>
            <TableCell>{f.serialNo}</TableCell>
            <TableCell>{f.learners.toLocaleString('en-GB')}</TableCell>
            <TableCell>{f.deliveries.toLocaleString('en-GB')}</TableCell>
            <TableCell>
              <StatusBadge {...XML_STATUS[f.status]} />
            </TableCell>
            <TableCell className={s.wrap}>{batchesLabel(batchesOf(f.name))}</TableCell>
            <TableCell>
              {canWithdraw(f) && (
                <Tooltip content={`Withdraw ${f.name}…`} relationship="label">
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    onClick={() => onWithdraw(f)}
                  />
                </Tooltip>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
