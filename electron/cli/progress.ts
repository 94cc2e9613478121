import type { Events } from '../../shared/ipc/contract';

/** What the operations report of a transfer as it goes. */
type Progress = Events['upload.progress'];
import type { Io } from './output';

/** Transfer progress on standard error, rewritten in place. */
export function progressLine(io: Io): (p: Progress) => void {
  return (p) =>
    io.err(
      `\r${p.fileName}: ${mb(p.sent)} of ${mb(p.total)} MB, ${mb(p.rate)} MB/s${p.secondsLeft !== null ? `, ${Math.ceil(p.secondsLeft)} s left` : ''}   ${p.sent === p.total ? '\n' : ''}`,
    );
}

const mb = (n: number) => (n / 1048576).toFixed(1);
