// One action plan: its details and status, the lifecycle buttons its status allows, its rows in
// HEFCE's columns (editable while a draft), and every version of it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { PlanRow } from '../../../shared/history/types';
import { useApi, useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { formatDateTime } from '../../app/format';
import { goTo } from '../../app/use-route';
import { useFlash } from '../../app/flash';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { ScreenTitle, useSectionStyles } from '../../components/ScreenTitle';
import { PlanActions } from './PlanActions';
import { PlanRowsTable } from './PlanRowsTable';
import { PlanVersions } from './PlanVersions';
import { PlanSteps } from './PlanSteps';
import { planStatusWording } from '../../../shared/history/plan-wording';
import { ProposeFromComparison } from './ProposeFromComparison';
import { RowForm } from './RowForm';
import { PLAN_STATUS, VARIANT_LABEL, canEditRows, planName, versionChain } from './plan-model';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export function PlanPage({ planId }: { planId: number }) {
  const s = useSectionStyles();
  const own = useStyles();
  const api = useApi();
  const rowsId = useId();
  const versionsId = useId();
  const plan = useLoaded((a) => a['plans.get']({ planId }));
  const all = useLoaded((a) => a['plans.list']({}));
  const providers = useLoaded((a) => a['providers.list']());
  useApiEvent('history.changed', () => {
    plan.reload();
    all.reload();
    providers.reload();
  });
  // Which row form is open survives a screen failure, like what was typed in it.
  const [{ editing }, setEditing] = useDraft<{ editing: number | 'new' | null }>(
    `plans.${planId}.editing`,
    { editing: null },
  );
  const [removing, setRemoving] = useState<PlanRow | null>(null);
  const [focusRef, setFocusRef] = useState<number | null>(null);
  const [focusAdd, setFocusAdd] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [flash, leaveFlash] = useFlash();
  const [notice, setNotice] = useState<NoticeMessage | null>(flash);

  const p = plan.value;
  if (!p) {
    return (
      <>
        <ScreenTitle title={`Plan ${planId}`}>Action plan {planId}</ScreenTitle>
        <LiveNotice notice={plan.error && fromError(plan.error, 'Could not open the plan')} />
        {plan.loading && <Spinner label="Loading the plan…" />}
        <Link href="#/plans">All action plans</Link>
      </>
    );
  }
  const chain = versionChain(p, all.value ?? []);
  const editable = canEditRows(p);
  const editingRow =
    typeof editing === 'number' ? (p.rows.find((r) => r.ref === editing) ?? null) : null;
  const formOpen = editable && (editing === 'new' || editingRow !== null);

  const remove = async (row: PlanRow) => {
    setRemoving(null);
    setBusy(true);
    const r = await api['plans.removeRow']({ planId: p.id, ref: row.ref });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, `Row ${row.ref} was not removed`));
    if (editing !== null) setEditing({ editing: null });
    setNotice({
      intent: 'success',
      text:
        row.ref < p.rows.length
          ? `Removed row ${row.ref}. The rows after it were renumbered, so the references stay 1, 2, 3…`
          : `Removed row ${row.ref}.`,
    });
    plan.reload();
  };

  return (
    <>
      <ScreenTitle title={planName(p)}>{planName(p)}</ScreenTitle>
      <div className={s.actions}>
        <Link href="#/plans">All action plans</Link>
      </div>
      {p.revisedById !== null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This is version {p.version}, kept read-only as it was. It was revised as{' '}
            <Link href={`#/plans/${p.revisedById}`}>plan {p.revisedById}</Link>: work on that one.
          </MessageBarBody>
        </MessageBar>
      )}
      <section className={s.section} aria-label="About this plan">
        <dl className={own.facts}>
          <dt className={own.term}>Status</dt>
          <dd className={own.value}>
            <StatusBadge {...PLAN_STATUS[p.status]} />{' '}
            <Text size={200}>
              {p.status === 'draft'
                ? `since ${formatDateTime(p.statusChangedAt)}`
                : planStatusWording(p)}
            </Text>
          </dd>
          {p.statusNote && (
            <>
              <dt className={own.term}>Note</dt>
              <dd className={own.value}>{p.statusNote}</dd>
            </>
          )}
          <dt className={own.term}>Provider</dt>
          <dd className={own.value}>
            {providers.value?.find((v) => v.upin === p.upin)?.name ?? 'UPIN'} ({p.upin})
          </dd>
          <dt className={own.term}>ILR year</dt>
          <dd className={own.value}>{p.year}</dd>
          <dt className={own.term}>Template</dt>
          <dd className={own.value}>{VARIANT_LABEL[p.variant]}</dd>
          <dt className={own.term}>Version</dt>
          <dd className={own.value}>{p.version}</dd>
        </dl>
        <PlanActions
          plan={p}
          onDone={(n, changed) => {
            if (changed && changed.id !== p.id) {
              leaveFlash(n);
              return goTo(`#/plans/${changed.id}`);
            }
            setNotice(n);
            if (changed) plan.reload();
          }}
        />
        <LiveNotice notice={notice} />
      </section>
      <section className={s.section} aria-labelledby={rowsId}>
        <h2 id={rowsId} className={s.heading}>
          Areas of difference
        </h2>
        {!editable && p.revisedById === null && (
          <Text className={s.muted}>
            {p.status === 'approved'
              ? 'The plan is approved: build an amendment file for each row. To change a row, revise the plan.'
              : 'Rows can be changed only while the plan is a draft. Revise it to make a new version.'}
          </Text>
        )}
        <PlanRowsTable
          plan={p}
          busy={busy}
          editingRef={editingRow?.ref ?? null}
          focusRef={focusRef}
          onEdit={(row) => {
            setFocusRef(null);
            setEditing({ editing: row.ref });
          }}
          onRemove={setRemoving}
        />
        {formOpen ? (
          <RowForm
            key={editingRow ? `row-${editingRow.ref}` : 'new'}
            plan={p}
            row={editingRow}
            onCancel={() => {
              // Back to where the user came from: the row they were changing, or "Add a row…".
              setFocusRef(editingRow?.ref ?? null);
              setFocusAdd(editingRow === null);
              setEditing({ editing: null });
            }}
            onSaved={(row) => {
              setEditing({ editing: null });
              // The form is gone: the keyboard goes to the row just added or saved.
              setFocusRef(row.ref);
              setNotice({
                intent: 'success',
                text: editingRow ? `Saved row ${row.ref}.` : `Added row ${row.ref}.`,
              });
              plan.reload();
            }}
          />
        ) : (
          editable && (
            <div className={s.actions}>
              <Button
                ref={(el) => {
                  if (el && focusAdd) {
                    el.focus();
                    setFocusAdd(false);
                  }
                }}
                icon={<AddRegular />}
                onClick={() => {
                  setFocusRef(null);
                  setEditing({ editing: 'new' });
                }}
              >
                Add a row…
              </Button>
              <Button onClick={() => setProposing(true)}>Propose rows from the data…</Button>
            </div>
          )
        )}
        {editable && proposing && (
          <ProposeFromComparison
            plan={p}
            onCancel={() => setProposing(false)}
            onAdded={(_, added) => {
              setProposing(false);
              setNotice({
                intent: 'success',
                text: `Added ${added} row${added === 1 ? '' : 's'}.`,
              });
              plan.reload();
            }}
          />
        )}
      </section>
      <section className={s.section} aria-labelledby={versionsId}>
        <h2 id={versionsId} className={s.heading}>
          Version history
        </h2>
        <PlanVersions plan={p} chain={chain} />
        <h3 className={s.subheading}>Steps of this version</h3>
        <PlanSteps plan={p} />
      </section>
      <Dialog open={removing !== null} onOpenChange={(_, d) => !d.open && setRemoving(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove row {removing?.ref}?</DialogTitle>
            <DialogContent>
              “{removing?.description}” will be taken out of the plan. The rows after it are
              renumbered, so the references stay 1, 2, 3…
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => removing && void remove(removing)}>
                Remove row {removing?.ref}
              </Button>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
