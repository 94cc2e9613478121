// What a check of the audit trail found, in words, for the app and the command line alike. It
// says "intact" only for what the keyed seals prove; hash-chained entries are named as such.
import type { AuditCheck, AuditRange } from '../ipc/views';
import { plural } from './wording';

const countOf = (ranges: readonly AuditRange[]) =>
  ranges.reduce((n, r) => n + r.to - r.from + 1, 0);

/** "entry 3 is", "entries 1 to 7 and 9 are" */
function spans(ranges: readonly AuditRange[]): string {
  const one = (r: AuditRange) => (r.from === r.to ? `${r.from}` : `${r.from} to ${r.to}`);
  const names = ranges.map(one);
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : names[0];
  return countOf(ranges) === 1 ? `entry ${list ?? ''} is` : `entries ${list ?? ''} are`;
}

/** One line: the verdict, and what it rests on. */
export function auditSummary(v: AuditCheck): string {
  if (!v.ok && v.sealsMissing)
    return `The audit trail cannot be proven: ${v.firstBad.problem}. No other entry was found changed or removed.`;
  if (!v.ok)
    return `The audit trail has been tampered with: ${v.firstBad.problem}. The first bad entry is ${v.firstBad.id}.`;
  const unproven = v.unkeyed.length + v.keyNotAtHand.length;
  if (unproven === 0)
    return `The audit trail is intact: ${plural(v.entries, 'entry', 'entries')}, each sealed with this history's audit key.`;
  const parts = [
    `No entry of the ${plural(v.entries, 'entry', 'entries')} was found changed or removed, but not all can be proven unchanged:`,
  ];
  if (v.unkeyed.length > 0)
    parts.push(
      `${spans(v.unkeyed)} hash-chained but not keyed (written before the history had an audit key, or without the credential vault), so someone able to write the history could have changed and re-hashed them;`,
    );
  if (v.keyNotAtHand.length > 0)
    parts.push(
      `${spans(v.keyNotAtHand)} keyed with an audit key the credential vault could not give, so they were checked as a hash chain only;`,
    );
  parts.push(
    v.keyed > 0
      ? `the other ${plural(v.keyed, 'entry', 'entries')} ${v.keyed === 1 ? 'is' : 'are'} keyed and intact.`
      : 'no entry is keyed.',
  );
  return parts.join(' ');
}
