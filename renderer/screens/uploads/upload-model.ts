// The upload queue and its wording, apart from drawing: the confirmation question, progress in
// bytes, rate and time left, and each file's state as events and answers arrive.
import type { Events } from '../../../shared/ipc/contract';
import type { ReceiptView } from '../../../shared/ipc/views';
import type { ActionPlan, StoredAmendmentFile } from '../../../shared/history/types';
import { formatBytes, formatDate } from '../../app/format';
import { plural } from '../../../shared/history/wording';
import type { StatusColor } from '../../components/StatusBadge';

/** What the user chose to send: exactly one of these goes to uploads.start. */
export type UploadSource =
  | { kind: 'batch'; batchId: number; names: string[] }
  | { kind: 'stored'; names: string[] }
  | {
      kind: 'disk';
      files: { fileName: string; base64: string; sha256: string }[];
      /** The user confirmed sending files ReturnDesk cannot check. */
      confirmUnchecked?: boolean;
    };

export function sourceNames(source: UploadSource): string[] {
  return source.kind === 'disk' ? source.files.map((f) => f.fileName) : source.names;
}

/** The Ofqual portal's question, naming what is sent. */
export function confirmQuestion(source: UploadSource): string {
  const names = sourceNames(source);
  const what =
    source.kind === 'batch'
      ? `batch ${source.batchId} (${plural(names.length, 'file')})`
      : names.length === 1
        ? `“${names[0]}”`
        : `these ${names.length} files`;
  return `Are you sure you want to upload ${what} for this submission?`;
}

export interface SubmissionFacts {
  /** The ILR year (the reporting period), where known. */
  year: string | null;
  plan: ActionPlan | null;
  /** The earliest date among the plan rows the files answer, with those rows' numbers. */
  due: { date: string; refs: number[] } | null;
}

/** The plan and due date where the history knows them: from the batch, or the files' rows. */
export function submissionFacts(
  source: UploadSource,
  files: readonly StoredAmendmentFile[],
  plans: readonly ActionPlan[],
  batchPlanId?: number,
): SubmissionFacts {
  // A file from disk is the history's file only if its bytes are the same, not just its name.
  const wanted =
    source.kind === 'disk'
      ? source.files.map((f) => ({ name: f.fileName, sha256: f.sha256 as string | null }))
      : source.names.map((name) => ({ name, sha256: null }));
  const mine = files.filter(
    (f) =>
      f.status !== 'discarded' &&
      wanted.some((w) => w.name === f.name && (w.sha256 === null || w.sha256 === f.sha256)),
  );
  const planId = batchPlanId ?? mine.find((f) => f.planId !== null)?.planId ?? null;
  const plan = plans.find((p) => p.id === planId) ?? null;
  const year = plan?.year ?? mine[0]?.year ?? null;
  if (!plan) return { year, plan: null, due: null };
  const refs = [...new Set(mine.filter((f) => f.planId === plan.id).map((f) => f.planRef))];
  const rows = plan.rows.filter((r) => refs.includes(r.ref));
  if (rows.length === 0) return { year, plan, due: null };
  const date = rows.map((r) => r.due).sort()[0] ?? '';
  const first = rows.filter((r) => r.due === date).map((r) => r.ref);
  return { year, plan, due: { date, refs: first } };
}

export function dueText(due: SubmissionFacts['due']): string {
  if (!due) return 'Not known';
  const rows = due.refs.length === 1 ? `row ${due.refs[0]}` : `rows ${due.refs.join(', ')}`;
  return `${formatDate(due.date)} (${rows} of the plan)`;
}

export type ItemState = 'waiting' | 'sending' | 'sent' | 'skipped' | 'stopped' | 'failed';

export interface QueueItem {
  fileName: string;
  state: ItemState;
  sent: number;
  total: number | null;
  rate: number;
  secondsLeft: number | null;
  receipt: ReceiptView | null;
}

export function newQueue(names: readonly string[]): QueueItem[] {
  return names.map((fileName) => ({
    fileName,
    state: 'waiting',
    sent: 0,
    total: null,
    rate: 0,
    secondsLeft: null,
    receipt: null,
  }));
}

/** Files go one after another: progress for one means those before it are done. */
export function applyProgress(queue: QueueItem[], p: Events['upload.progress']): QueueItem[] {
  const at = queue.findIndex((i) => i.fileName === p.fileName && i.state !== 'sent');
  if (at < 0) return queue;
  return queue.map((item, i) => {
    if (i === at)
      return {
        ...item,
        state: 'sending',
        sent: p.sent,
        total: p.total,
        rate: p.rate,
        secondsLeft: p.secondsLeft,
      };
    if (i < at && item.state === 'sending')
      return { ...item, state: 'sent', sent: item.total ?? item.sent };
    return item;
  });
}

/** The run finished: each file has its receipt, or (in a resumed batch) was sent before. */
export function finishQueue(queue: QueueItem[], receipts: readonly ReceiptView[]): QueueItem[] {
  return queue.map((item) => {
    const receipt = receipts.find((r) => r.file === item.fileName) ?? null;
    if (!receipt) return { ...item, state: 'skipped' };
    return {
      ...item,
      receipt,
      state: receipt.status === 'failed' ? 'failed' : 'sent',
      sent: receipt.bytes,
      total: receipt.bytes,
      secondsLeft: 0,
    };
  });
}

type ReceiptMark = Pick<ReceiptView, 'id' | 'status' | 'receivedAt'>;

/** Receipts this run wrote or moved on: new ones, and resumed ones whose status changed. */
export function touchedReceipts(
  before: readonly ReceiptMark[],
  after: readonly ReceiptView[],
): ReceiptView[] {
  const was = new Map(before.map((r) => [r.id, r]));
  return after.filter((r) => {
    const old = was.get(r.id);
    return !old || old.status !== r.status || old.receivedAt !== r.receivedAt;
  });
}

const STATE_OF: Record<ReceiptView['status'], ItemState> = {
  transferring: 'stopped',
  'pending-verification': 'sent',
  accepted: 'sent',
  failed: 'failed',
};

/**
 * The run ended early. The history says how far each file got (progress events may lag behind
 * the moment of stopping); files it does not mention either stopped in flight or never started.
 */
export function interruptQueue(
  queue: QueueItem[],
  stopped: boolean,
  touched: readonly ReceiptView[] = [],
): QueueItem[] {
  return queue.map((item) => {
    // Newest first, as uploads.list gives them.
    const receipt = touched.find((r) => r.file === item.fileName);
    if (receipt) {
      const state = STATE_OF[receipt.status];
      const whole = state === 'sent' ? { sent: receipt.bytes, total: receipt.bytes } : {};
      return {
        ...item,
        ...whole,
        receipt,
        state: stopped || state !== 'stopped' ? state : 'failed',
      };
    }
    return item.state === 'sending' ? { ...item, state: stopped ? 'stopped' : 'failed' } : item;
  });
}

export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'working out the time left';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 60) return `about ${plural(Math.round(seconds), 'second')} left`;
  if (seconds < 3600) return `about ${plural(Math.round(seconds / 60), 'minute')} left`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return `about ${plural(h, 'hour')}${m ? ` ${plural(m, 'minute')}` : ''} left`;
}

export function itemText(item: QueueItem): string {
  const size = item.total === null ? '' : formatBytes(item.total);
  switch (item.state) {
    case 'waiting':
      return 'Waiting';
    case 'sending':
      return `${formatBytes(item.sent)} of ${size} sent, ${formatBytes(Math.round(item.rate))}/s, ${formatTimeLeft(item.secondsLeft)}`;
    case 'sent':
      return item.receipt?.status === 'failed'
        ? `Sent: ${size}. The receiver found problems: the receipts below say what, and what to do.`
        : `Sent: ${size}.`;
    case 'skipped':
      return 'Already sent in an earlier attempt';
    case 'stopped':
      return `Stopped at ${formatBytes(item.sent)} of ${size}. Retry continues from there.`;
    case 'failed':
      return item.receipt ? 'Not sent: the receipts below say why.' : 'Not sent.';
  }
}

export const fraction = (item: QueueItem): number =>
  item.state === 'sent' || item.state === 'skipped'
    ? 1
    : item.total
      ? Math.min(1, item.sent / item.total)
      : 0;

export const RECEIPT_STATUS: Record<ReceiptView['status'], { label: string; color: StatusColor }> =
  {
    transferring: { label: 'Stopped part-way: upload again to resume', color: 'warning' },
    'pending-verification': { label: 'Upload pending verification', color: 'informative' },
    accepted: { label: 'Accepted', color: 'success' },
    failed: { label: 'Failed', color: 'danger' },
  };

export const hasPending = (receipts: readonly ReceiptView[]): boolean =>
  receipts.some((r) => r.status === 'pending-verification');

/** "Line 7: ..." unless the server's message already says which line. */
export function messageText(m: ReceiptView['messages'][number]): string {
  if (!m.line || new RegExp(`^line ${m.line}\\b`, 'i').test(m.message)) return m.message;
  return `Line ${m.line}: ${m.message}`;
}
