// The dashboard: what needs doing now (Current) and what is done (Previous), as in the Ofqual
// portal's Current/Previous tabs. Every item links to the screen where the work is done.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';
import type { DashboardItem, DashboardView } from '../../shared/ipc/views';
import type { BatchOutcomeView } from '../../shared/ipc/loop';
import type { Store, Upload } from '../store';
import { calendarDateIn } from '../../shared/dates';
import { dueWording, formatIsoDate, plural } from '../../shared/history/wording';
import { parseIsoDate } from '../../shared/domain';
import type { CalendarDate } from '../../shared/amd/model';
import { amendsWithXml } from '../../shared/history/lifecycle';

const PREVIOUS_LIMIT = 50;

export function buildDashboard(store: Store, now: Date): DashboardView {
  const today = calendarDateIn(now);
  const items: DashboardItem[] = [
    ...planItems(store, today),
    ...fileItems(store),
    ...batchItems(store),
    ...uploadItems(store),
  ];
  const order = { danger: 0, warning: 1, neutral: 2, success: 3 };
  items.sort(
    (a, b) => order[a.tone] - order[b.tone] || (a.due ?? '9999').localeCompare(b.due ?? '9999'),
  );
  const current = items.filter((i) => i.tab === 'current');
  const previous = items.filter((i) => i.tab === 'previous').slice(0, PREVIOUS_LIMIT);
  return { today: formatIsoDate(today), items: [...current, ...previous] };
}

function planItems(store: Store, today: CalendarDate): DashboardItem[] {
  const files = store.files.list();
  // XML files (2011-12 onwards) answer the plan as a whole, not a row: each row of such a plan
  // counts the provider's XML files of that year that still count.
  const xmlFiles = store.xmlFiles.list().filter((f) => f.status !== 'withdrawn');
  const out: DashboardItem[] = [];
  for (const plan of store.plans.list()) {
    if (plan.status !== 'approved' || plan.revisedById !== null) continue;
    for (const row of plan.rows) {
      const mine: { name: string; status: string }[] = amendsWithXml(plan.year)
        ? xmlFiles.filter((f) => f.upin === plan.upin && f.year === plan.year)
        : files.filter((f) => f.planRowId === row.id && f.status !== 'discarded');
      const done = mine.length > 0 && mine.every((f) => f.status === 'accepted');
      // Sent by its date and now with the receiver: not overdue, whatever today's date says.
      const awaiting =
        !done &&
        mine.some((f) => f.status === 'submitted') &&
        mine.every((f) => f.status === 'submitted' || f.status === 'accepted');
      const due = parseIsoDate(row.due);
      const wording = due ? dueWording(today, due) : undefined;
      // HEFCE contacts colleges that miss the date they gave in the plan: say so where it passed.
      const missed =
        !done && wording?.overdue
          ? '. HEFCE contacts colleges that miss the date given in the plan'
          : '';
      out.push({
        kind: done ? 'done' : awaiting ? 'upload-pending' : 'plan-due',
        tab: done ? 'previous' : 'current',
        title: `${plan.upin} plan ${plan.id}, reference ${row.ref}: ${row.kind}`,
        detail: `${row.description}${mine.length ? ` - ${plural(mine.length, 'file')}: ${mine.map((f) => `${f.name} (${f.status})`).join(', ')}` : ' - no file built yet'}${awaiting ? '' : missed}`,
        status: done
          ? 'Accepted'
          : awaiting
            ? 'Uploaded, awaiting verification'
            : (wording?.text ?? row.due),
        due: row.due,
        link: `#/plans/${plan.id}`,
        tone: done
          ? 'success'
          : awaiting
            ? 'neutral'
            : wording?.overdue
              ? 'danger'
              : wording && wording.days <= 7
                ? 'warning'
                : 'neutral',
      });
    }
  }
  return out;
}

function fileItems(store: Store): DashboardItem[] {
  const inBatch = new Set(
    store.batches.list().flatMap((b) => [...b.files, ...(b.xml?.files ?? [])].map((f) => f.name)),
  );
  const xml = store.xmlFiles
    .list({ status: 'final' })
    .filter((f) => !inBatch.has(f.name))
    .map((f) => ({
      kind: 'files-waiting' as const,
      tab: 'current' as const,
      title: f.name,
      detail: `${plural(f.learners, 'learner')}, ILR ${f.transmissionType} file for ${f.upin} ${f.year}, checked, not yet in a batch or uploaded`,
      status: 'Waiting to be uploaded',
      due: null,
      link: '#/files',
      tone: 'neutral' as const,
    }));
  const amd = store.dashboard
    .filesByStatus('final', 200)
    .filter((f) => !inBatch.has(f.name))
    .map((f) => ({
      kind: 'files-waiting' as const,
      tab: 'current' as const,
      title: f.name,
      detail: `${plural(f.records, 'record')}, final, not yet in a batch or uploaded`,
      status: 'Waiting to be uploaded',
      due: null,
      link: '#/files',
      tone: 'neutral' as const,
    }));
  return [...amd, ...xml];
}

function batchItems(store: Store): DashboardItem[] {
  const words: Record<string, [string, DashboardItem['kind'], DashboardItem['tone']]> = {
    draft: ['Needs sign-off', 'batch-waiting', 'warning'],
    signed_off: ['Waiting to be uploaded', 'batch-waiting', 'neutral'],
    uploading: ['Upload interrupted: resume it', 'needs-action', 'warning'],
    uploaded: ['Upload pending verification', 'upload-pending', 'neutral'],
    failed: ['Failed validation', 'needs-action', 'danger'],
  };
  return store.batches.list().map((b) => {
    if (b.status === 'accepted') return outcomeItem(store.outcomes.of(b));
    const [status, kind, tone] = words[b.status] ?? ['', 'batch-waiting', 'neutral'];
    const count = b.files.length + (b.xml?.files.length ?? 0);
    // A 2011-12 batch that leaves out earlier files cannot be sent until that is resolved.
    const left = b.xml && !b.xml.uploadable ? b.xml.missing.length : 0;
    return {
      kind,
      tab: 'current' as const,
      title: `Batch ${b.id} - ${b.upin} ${b.year}`,
      detail: `${plural(count, 'file')} to '${b.destination}'${b.signedOffBy ? `, signed off by ${b.signedOffBy}` : ''}${left ? `; leaves out ${plural(left, 'earlier submitted file')}: add, withdraw or override` : ''}`,
      status,
      due: null,
      link: `#/batches/${b.id}`,
      tone,
    };
  });
}

/** An accepted batch, by where it is in HEFCE's loop: outputs, then the impact confirmed or not. */
function outcomeItem(o: BatchOutcomeView): DashboardItem {
  const base = {
    title: `Batch ${o.batchId} - ${o.upin} ${o.year}`,
    due: null,
    link: `#/batches/${o.batchId}`,
  };
  if (o.state === 'awaiting-confirmation')
    return {
      ...base,
      kind: 'batch-outcome',
      tab: 'current',
      detail: `HEFCE's updated outputs available since ${o.outputs?.date ?? ''}: check them and confirm the amendments had the impact expected, or say what differed`,
      status: 'Awaiting confirmation of impact',
      tone: 'warning',
    };
  if (o.state === 'impact-confirmed' || o.state === 'not-as-expected')
    return {
      ...base,
      kind: 'done',
      tab: 'previous',
      detail:
        o.state === 'impact-confirmed'
          ? `Impact confirmed by ${o.confirmed?.by ?? ''} on ${o.confirmed?.date ?? ''}`
          : `Not as expected: ${o.notAsExpected?.differed ?? ''}. Revised as plan ${o.notAsExpected?.revisedPlanId ?? ''}`,
      status: o.state === 'impact-confirmed' ? 'Impact confirmed' : 'Not as expected',
      tone: 'success',
    };
  return {
    ...base,
    kind: 'batch-outcome',
    tab: 'current',
    detail: `Accepted on ${o.acceptedOn ?? ''}; record when HEFCE's updated outputs are available`,
    status: "Accepted: awaiting HEFCE's updated outputs",
    tone: 'neutral',
  };
}

function uploadItems(store: Store): DashboardItem[] {
  // Only the newest upload of each file to each destination speaks for it.
  const latest = new Map<string, Upload>();
  for (const u of store.uploads.list())
    if (u.batchId === null) latest.set(`${u.destinationId}:${u.fileName}`, u);
  return [...latest.values()].flatMap((u): DashboardItem[] => {
    const base = { title: u.fileName, due: null, link: '#/uploads' };
    if (u.status === 'pending-verification') {
      return [
        {
          ...base,
          kind: 'upload-pending',
          tab: 'current',
          detail: `Sent to '${u.destination}' (${u.area}) at ${u.receivedAt ?? u.startedAt}`,
          status: 'Upload pending verification',
          tone: 'neutral',
        },
      ];
    }
    if (u.status === 'failed') {
      return [
        {
          ...base,
          kind: 'needs-action',
          tab: 'current',
          detail: u.messages.map((m) => m.message).join(' ') || 'The upload failed.',
          status: 'Failed validation',
          tone: 'danger',
        },
      ];
    }
    if (u.status === 'transferring') {
      return [
        {
          ...base,
          kind: 'needs-action',
          tab: 'current',
          detail: `Stopped part-way to '${u.destination}'`,
          status: 'Upload interrupted: resume it',
          tone: 'warning',
        },
      ];
    }
    return [
      {
        ...base,
        kind: 'done',
        tab: 'previous',
        detail: `Accepted by '${u.destination}'`,
        status: 'Accepted',
        tone: 'success',
      },
    ];
  });
}

export function dashboardOperations(host: OperationHost): OperationTableOf<'dashboard.get'> {
  return { 'dashboard.get': () => buildDashboard(host.store(), host.clock.now()) };
}
