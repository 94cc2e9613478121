// Every batch: the files sent together to one upload area for one provider and year, with its
// status and sign-off. Batches are created here.
import {
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { plural } from '../../../shared/history/wording';
import { useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { goTo } from '../../app/use-route';
import { useFlash } from '../../app/flash';
import { LiveNotice, fromError } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormStyles } from '../../components/form-styles';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { BATCH_STATUS, fileCount } from './batch-model';
import { proposedText } from './xml-batch-model';
import { CreateBatchForm } from './CreateBatchForm';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  batch: { width: '16%' },
  plan: { width: '9%' },
  area: { width: '24%' },
  files: { width: '8%' },
  status: { width: '21%' },
  signed: { width: '22%' },
});

export function BatchesListScreen() {
  const s = useSectionStyles();
  const own = useStyles();
  const f = useFormStyles();
  const listId = useId();
  const batches = useLoaded((a) => a['batches.list']({}));
  const providers = useLoaded((a) => a['providers.list']());
  const plans = useLoaded((a) => a['plans.list']({}));
  useApiEvent('history.changed', () => {
    batches.reload();
    providers.reload();
    plans.reload();
  });
  const [{ open }, setOpen] = useDraft('batches.open', { open: false });
  const [, leaveFlash] = useFlash();
  const error = batches.error ?? providers.error ?? plans.error;
  const list = [...(batches.value ?? [])].sort((a, b) => b.id - a.id);

  return (
    <>
      <ScreenTitle title="Batches">Batches</ScreenTitle>
      <Text className={mergeClasses(s.muted, f.intro)}>
        A batch is the set of amendment files sent together for one provider and ILR year, against
        an approved action plan. It is signed off before it is uploaded.
      </Text>
      <div className={s.actions}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setOpen({ open: true })}>
          Create a batch…
        </Button>
      </div>
      {open && providers.value && plans.value && (
        <section className={s.section} aria-label="New batch">
          <CreateBatchForm
            providers={providers.value}
            plans={plans.value}
            onCreated={(b) => {
              setOpen({ open: false });
              // A 2011-12 batch starts with the earlier submitted files: say which.
              leaveFlash({
                intent: 'success',
                text: b.xml ? proposedText(b) : `Created batch ${b.id}. Add its files below.`,
              });
              goTo(`#/batches/${b.id}`);
            }}
            onCancel={() => setOpen({ open: false })}
          />
        </section>
      )}
      <LiveNotice notice={error && fromError(error, 'Could not load the batches')} />
      {!batches.value && batches.loading && <Spinner label="Loading the batches…" />}
      {batches.value && (
        <section className={s.section} aria-labelledby={listId}>
          <h2 id={listId} className={s.heading}>
            All batches
          </h2>
          {list.length === 0 ? (
            <Text>No batches yet. Create one once a plan is approved and its files are final.</Text>
          ) : (
            <Table className={own.table} size="small" aria-labelledby={listId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={own.batch}>Batch</TableHeaderCell>
                  <TableHeaderCell className={own.plan}>Plan</TableHeaderCell>
                  <TableHeaderCell className={own.area}>Upload area</TableHeaderCell>
                  <TableHeaderCell className={own.files}>Files</TableHeaderCell>
                  <TableHeaderCell className={own.status}>Status</TableHeaderCell>
                  <TableHeaderCell className={own.signed}>Signed off</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell className={own.wrap}>
                      <Link href={`#/batches/${b.id}`}>Batch {b.id}</Link> – {b.upin} {b.year}
                    </TableCell>
                    <TableCell>
                      <Link href={`#/plans/${b.planId}`}>Plan {b.planId}</Link>
                    </TableCell>
                    <TableCell className={own.wrap}>{b.destination}</TableCell>
                    <TableCell>{plural(fileCount(b), 'file')}</TableCell>
                    <TableCell>
                      <StatusBadge {...BATCH_STATUS[b.status]} />
                    </TableCell>
                    <TableCell className={own.wrap}>
                      {b.signedOffBy
                        ? `${b.signedOffBy}, ${formatDateTime(b.signedOffAt ?? '')}`
                        : 'Not signed off'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </>
  );
}
