// The plan row beside the file, shown in the preview: what the row says and what the file holds,
// with a warning naming every difference.
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { LiveNotice } from '../../../components/Notice';
import type { FileFacts, RowExpectation } from './row-match';
import { rowDifferences } from './row-match';

export function RowMatch({ row, file }: { row: RowExpectation; file: FileFacts }) {
  const differences = rowDifferences(row, file);
  const changed = file.kind === 'CHANGE' ? file.changedFields.join(', ') : 'All fields';
  return (
    <>
      <Table size="small" aria-label="The plan row and the file">
        <TableHeader>
          <TableRow>
            <TableHeaderCell />
            <TableHeaderCell>Plan row</TableHeaderCell>
            <TableHeaderCell>This file</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>{row.kind}</TableCell>
            <TableCell>{file.kind}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>Fields</TableCell>
            <TableCell>{row.fields}</TableCell>
            <TableCell>{changed}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>Records</TableCell>
            <TableCell>{row.records.toLocaleString('en-GB')}</TableCell>
            <TableCell>{file.records.toLocaleString('en-GB')}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {differences.length > 0 && (
        <LiveNotice
          notice={{
            intent: 'warning',
            title: 'The file differs from its action plan row',
            text: (
              <>
                <ul>
                  {differences.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
                HEFCE approved the row, not the file: check the extract and the records chosen.
                {differences.some((d) => d.includes('record')) &&
                  ' To finalise a file with another number of records you will be asked why.'}
              </>
            ),
          }}
        />
      )}
    </>
  );
}
