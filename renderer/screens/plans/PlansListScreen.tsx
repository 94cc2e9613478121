// Every action plan, per provider: status, version, rows, and which later version replaced it.
// Plans are created here, or imported from HEFCE's Excel template.
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
import { AddRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ActionPlan } from '../../../shared/history/types';
import { plural } from '../../../shared/history/wording';
import { useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { goTo } from '../../app/use-route';
import { useFlash } from '../../app/flash';
import { LiveNotice, fromError } from '../../components/Notice';
import { NotificationsButton } from '../../components/NotificationsButton';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormStyles } from '../../components/form-styles';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { CreatePlanForm } from './CreatePlanForm';
import { ImportPlanForm } from './ImportPlanForm';
import { PLAN_STATUS, VARIANT_LABEL, plansByProvider } from './plan-model';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  plan: { width: '34%' },
  year: { width: '9%' },
  template: { width: '19%' },
  version: { width: '8%' },
  rows: { width: '8%' },
  status: { width: '22%' },
  wrap: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  statusCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: '2px' },
});

type Open = 'none' | 'create' | 'import';

export function PlansListScreen() {
  const s = useSectionStyles();
  const own = useStyles();
  const f = useFormStyles();
  const plans = useLoaded((a) => a['plans.list']({}));
  const providers = useLoaded((a) => a['providers.list']());
  useApiEvent('history.changed', () => {
    plans.reload();
    providers.reload();
  });
  const [{ open }, setOpen] = useDraft<{ open: Open }>('plans.open', { open: 'none' });
  const [, leaveFlash] = useFlash();
  const error = plans.error ?? providers.error;
  const created = (said: (plan: ActionPlan) => string) => (plan: ActionPlan) => {
    setOpen({ open: 'none' });
    leaveFlash({ intent: 'success', text: said(plan) });
    goTo(`#/plans/${plan.id}`);
  };

  return (
    <>
      <ScreenTitle title="Action plans">Action plans</ScreenTitle>
      <Text className={mergeClasses(s.muted, f.intro)}>
        HEFCE accepts amendment files only against an approved action plan: each row is an area of
        difference, with the records affected and the date the amended data will be submitted.
      </Text>
      <div className={s.actions}>
        <Button
          appearance={open === 'create' ? 'secondary' : 'primary'}
          icon={<AddRegular />}
          onClick={() => setOpen({ open: 'create' })}
        >
          Create a plan…
        </Button>
        <Button icon={<ArrowUploadRegular />} onClick={() => setOpen({ open: 'import' })}>
          Import a plan from Excel…
        </Button>
        <NotificationsButton reason="Get a reminder 7 days and 1 day before a plan's date" />
      </div>
      {open !== 'none' && providers.value && (
        <section className={s.section} aria-label={open === 'create' ? 'New plan' : 'Import'}>
          {open === 'create' ? (
            <CreatePlanForm
              providers={providers.value}
              onCreated={created((p) => `Created plan ${p.id}, a draft: add its rows below.`)}
              onCancel={() => setOpen({ open: 'none' })}
            />
          ) : (
            <ImportPlanForm
              providers={providers.value}
              onImported={created(
                (p) =>
                  `Imported the workbook as plan ${p.id}, a draft with ${plural(p.rows.length, 'row')}: check them below, then submit it.`,
              )}
              onCancel={() => setOpen({ open: 'none' })}
            />
          )}
        </section>
      )}
      <LiveNotice notice={error && fromError(error, 'Could not load the action plans')} />
      {!plans.value && plans.loading && <Spinner label="Loading the action plans…" />}
      {plans.value &&
        providers.value &&
        plansByProvider(providers.value, plans.value).map(({ provider, plans: mine }) => (
          <ProviderPlans key={provider.upin} title={`${provider.name} (${provider.upin})`}>
            {mine.length === 0 ? (
              <Text>No action plans yet.</Text>
            ) : (
              <Table className={own.table} size="small" aria-label={`Plans for ${provider.name}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={own.plan}>Plan</TableHeaderCell>
                    <TableHeaderCell className={own.year}>ILR year</TableHeaderCell>
                    <TableHeaderCell className={own.template}>Template</TableHeaderCell>
                    <TableHeaderCell className={own.version}>Version</TableHeaderCell>
                    <TableHeaderCell className={own.rows}>Rows</TableHeaderCell>
                    <TableHeaderCell className={own.status}>Status</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {mine.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell className={own.wrap}>
                        <Link href={`#/plans/${p.id}`}>
                          Plan {p.id}: {p.title}
                        </Link>
                      </TableCell>
                      <TableCell>{p.year}</TableCell>
                      <TableCell className={own.wrap}>{VARIANT_LABEL[p.variant]}</TableCell>
                      <TableCell>{p.version}</TableCell>
                      <TableCell>{plural(p.rows.length, 'row')}</TableCell>
                      <TableCell>
                        <div className={own.statusCell}>
                          <StatusBadge {...PLAN_STATUS[p.status]} />
                          {p.revisedById !== null && (
                            <Text size={200}>
                              Revised as{' '}
                              <Link href={`#/plans/${p.revisedById}`}>plan {p.revisedById}</Link>
                            </Text>
                          )}
                        </div>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </ProviderPlans>
        ))}
      {providers.value?.length === 0 && (
        <Text>
          Add a provider in <Link href="#/settings">Settings</Link> before creating a plan.
        </Text>
      )}
    </>
  );
}

function ProviderPlans({ title, children }: { title: string; children: ReactNode }) {
  const s = useSectionStyles();
  const id = useId();
  return (
    <section className={s.section} aria-labelledby={id}>
      <h2 id={id} className={s.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
