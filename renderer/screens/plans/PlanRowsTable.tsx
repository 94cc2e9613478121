// The plan's rows in HEFCE's columns (and the HEIFES variant's two more), with what can be done to
// each: change or remove while the plan is a draft, build a file once it is approved.
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
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, DocumentAddRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { ActionPlan, PlanRow } from '../../../shared/history/types';
import { formatDate } from '../../app/format';
import { buildFileHref, canBuildFiles, canEditRows } from './plan-model';

const useStyles = makeStyles({
  // No minimum width: at 1024 px the description wraps, and the Actions column stays on screen.
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'fixed', width: '100%' },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: 'top',
    overflowWrap: 'break-word',
    whiteSpace: 'normal',
  },
  head: { whiteSpace: 'normal', verticalAlign: 'bottom' },
  ref: { width: '3rem' },
  kind: { width: '5.5rem' },
  fields: { width: '6rem' },
  records: { width: '5rem' },
  due: { width: '6.5rem' },
  errorType: { width: '6rem' },
  actions: { width: '8.5rem' },
  buttons: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: '2px' },
  empty: { padding: tokens.spacingVerticalL },
  build: {
    display: 'inline-flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalXS,
  },
  icon: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
});

interface Props {
  plan: ActionPlan;
  editingRef: number | null;
  /** The row just added or saved: the keyboard goes to its first cell. */
  focusRef?: number | null;
  onEdit: (row: PlanRow) => void;
  onRemove: (row: PlanRow) => void;
  busy: boolean;
}

export function PlanRowsTable({ plan, editingRef, focusRef, onEdit, onRemove, busy }: Props) {
  const s = useStyles();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (focusRef == null) return;
    table.current?.querySelector<HTMLElement>(`[data-row-ref="${focusRef}"]`)?.focus();
  }, [focusRef, plan.rows.length]);
  const heifes = plan.variant === 'heifes';
  const editable = canEditRows(plan);
  const buildable = canBuildFiles(plan);
  const withActions = editable || buildable;
  if (plan.rows.length === 0) {
    return (
      <Text block className={s.empty}>
        No areas of difference yet.{editable ? ' Add the first one below.' : ''}
      </Text>
    );
  }
  const th = (label: string, cls?: string) => (
    <TableHeaderCell className={mergeClasses(s.head, cls)}>{label}</TableHeaderCell>
  );
  return (
    <div className={s.scroll}>
      <Table ref={table} className={s.table} aria-label={`Rows of plan ${plan.id}`}>
        <TableHeader>
          <TableRow>
            {th('Ref.', s.ref)}
            {th('Description of the amendment')}
            {th('CHANGE, ADD or DELETE', s.kind)}
            {th('Fields changed', s.fields)}
            {th('Number of records', s.records)}
            {th('Date data will be submitted', s.due)}
            {heifes && th('Error type', s.errorType)}
            {heifes && th('Cause')}
            {withActions && th('Actions', s.actions)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.rows.map((row) => (
            <TableRow key={row.id} aria-current={editingRef === row.ref ? 'true' : undefined}>
              <TableCell className={s.cell} tabIndex={-1} data-row-ref={row.ref}>
                {row.ref}
              </TableCell>
              <TableCell className={s.cell}>{row.description}</TableCell>
              <TableCell className={s.cell}>{row.kind}</TableCell>
              <TableCell className={s.cell}>{row.fields}</TableCell>
              <TableCell className={s.cell}>{row.records}</TableCell>
              <TableCell className={s.cell}>{formatDate(row.due)}</TableCell>
              {heifes && <TableCell className={s.cell}>{row.errorType ?? ''}</TableCell>}
              {heifes && <TableCell className={s.cell}>{row.cause ?? ''}</TableCell>}
              {withActions && (
                <TableCell className={s.cell}>
                  <div className={s.buttons}>
                    {editable && (
                      <>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<EditRegular />}
                          aria-label={`Change row ${row.ref}`}
                          disabledFocusable={busy}
                          onClick={() => onEdit(row)}
                        >
                          Change
                        </Button>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={`Remove row ${row.ref}`}
                          disabledFocusable={busy}
                          onClick={() => onRemove(row)}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                    {buildable && (
                      <Link
                        className={s.build}
                        href={buildFileHref(plan.id, row.ref)}
                        aria-label={`Build a file for this row (row ${row.ref})`}
                      >
                        <DocumentAddRegular className={s.icon} aria-hidden />
                        <span>Build a file for this row</span>
                      </Link>
                    )}
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
