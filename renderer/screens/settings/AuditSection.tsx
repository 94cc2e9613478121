// The audit trail is hash-chained and, where the vault holds the history's key, sealed: an edit to
// any past entry breaks the chain or its seal. Checking it says that it is intact, which entry is
// the first one that does not fit, or which entries are hash-chained only and so cannot be proven.
import { Button, Text } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { plural } from '../../../shared/history/wording';
import { auditSummary } from '../../../shared/history/audit-wording';
import { useApi, useApiEvent } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

export function AuditSection() {
  const s = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // A result about the history as it was (e.g. before a restore) must not be left looking current.
  useApiEvent('history.changed', () => setNotice(null));

  const check = async () => {
    setBusy(true);
    setNotice({ intent: 'info', text: 'Checking the audit trail…' });
    const r = await api['audit.verify']();
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The audit trail could not be checked'));
    const a = r.value;
    const proven = a.ok && a.unkeyed.length === 0 && a.keyNotAtHand.length === 0;
    setNotice(
      !a.ok
        ? {
            intent: 'error',
            title: 'The audit trail has been altered',
            text: `The first entry that does not fit is number ${a.firstBad.id}: ${a.firstBad.problem} (${plural(a.entries, 'entry', 'entries')} in all). Restore a backup made before the change, or ask your IT team to investigate.`,
          }
        : proven
          ? {
              intent: 'success',
              title: 'The audit trail is intact',
              text: `${plural(a.entries, 'entry', 'entries')} checked, each sealed with this history's audit key; none has been altered or removed.`,
            }
          : {
              intent: 'warning',
              title: 'No alteration found, but not every entry is sealed',
              text: auditSummary(a),
            },
    );
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Audit trail
      </h2>
      <Text className={s.muted}>
        Every file finalised, batch, upload and change of status is recorded in an audit trail that
        reveals any later tampering.
      </Text>
      <div className={s.actions}>
        <Button
          icon={<ShieldCheckmarkRegular />}
          disabledFocusable={busy}
          onClick={() => void check()}
        >
          Check the audit trail
        </Button>
      </div>
      <LiveNotice notice={notice} />
    </section>
  );
}
