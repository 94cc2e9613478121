// The dashboard: what needs doing now (Current) and what is done (Previous), as in the Ofqual
// portal's Current/Previous tabs. Every item links to the screen where the work is done.
import type { DashboardItem, DashboardView } from '../../shared/ipc/views';
import type { Store, Upload } from '../store';
import { calendarDateIn } from '../../shared/dates';
import { dueWording, formatIsoDate, parseIsoDate, plural } from '../../shared/history/wording';
import type { CalendarDate } from '../../shared/amd/model';

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
  const out: DashboardItem[] = [];
  for (const plan of store.plans.list()) {
    if (plan.status !== 'approved' || plan.revisedById !== null) continue;
    for (const row of plan.rows) {
      const mine = files.filter((f) => f.planRowId === row.id && f.status !== 'discarded');
      const done = mine.length > 0 && mine.every((f) => f.status === 'accepted');
      const due = parseIsoDate(row.due);
      const wording = due ? dueWording(today, due) : undefined;
      out.push({
        kind: done ? 'done' : 'plan-due',
        tab: done ? 'previous' : 'current',
        title: `${plan.upin} plan ${plan.id}, reference ${row.ref}: ${row.kind}`,
        detail: `${row.description}${mine.length ? ` - ${plural(mine.length, 'file')}: ${mine.map((f) => `${f.name} (${f.status})`).join(', ')}` : ' - no file built yet'}`,
        status: done ? 'Accepted' : (wording?.text ?? row.due),
        due: row.due,
        link: `#/plans/${plan.id}`,
        tone: done
          ? 'success'
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
  const inBatch = new Set(store.batches.list().flatMap((b) => b.files.map((f) => f.name)));
  return store.dashboard
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
}

function batchItems(store: Store): DashboardItem[] {
  const words: Record<string, [string, DashboardItem['kind'], DashboardItem['tone']]> = {
    draft: ['Needs sign-off', 'batch-waiting', 'warning'],
    signed_off: ['Waiting to be uploaded', 'batch-waiting', 'neutral'],
    uploading: ['Upload interrupted: resume it', 'needs-action', 'warning'],
    uploaded: ['Upload pending verification', 'upload-pending', 'neutral'],
    failed: ['Failed validation', 'needs-action', 'danger'],
    accepted: ['Accepted', 'done', 'success'],
  };
  return store.batches.list().map((b) => {
    const [status, kind, tone] = words[b.status] ?? ['', 'batch-waiting', 'neutral'];
    return {
      kind,
      tab: b.status === 'accepted' ? ('previous' as const) : ('current' as const),
      title: `Batch ${b.id} - ${b.upin} ${b.year}`,
      detail: `${plural(b.files.length, 'file')} to '${b.destination}'${b.signedOffBy ? `, signed off by ${b.signedOffBy}` : ''}`,
      status,
      due: null,
      link: `#/batches/${b.id}`,
      tone,
    };
  });
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
