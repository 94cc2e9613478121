// The plan's recorded steps, oldest first: the day each happened, who recorded it, the note and
// the e-mail kept as evidence (name and SHA-256, and a copy to save), and which were undone.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ActionPlan, PlanEvidence } from '../../../shared/history/types';
import { dayMonthYear } from '../../../shared/history/plan-wording';
import { formatBytes, formatDateTime } from '../../app/format';
import { useApi } from '../../app/hooks';
import { downloadBase64 } from '../../app/bytes';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  undone: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  sha: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** So the saved copy opens in the program that reads it (the bytes are the same whatever it is). */
const EVIDENCE_TYPE: Readonly<Record<string, string>> = {
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
};

function typeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return EVIDENCE_TYPE[dot >= 0 ? name.slice(dot).toLowerCase() : ''] ?? 'application/octet-stream';
}

export function PlanSteps({ plan }: { plan: ActionPlan }) {
  const s = useStyles();
  const api = useApi();
  const [saving, setSaving] = useState<number | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  if (plan.steps.length === 0) return <Text>No steps recorded yet.</Text>;

  // Read back through main, which checks the copy against the SHA-256 shown here before it is saved.
  const save = async (stepId: number, evidence: PlanEvidence) => {
    setSaving(stepId);
    setNotice(null);
    const r = await api['plans.evidence']({ planId: plan.id, stepId });
    setSaving(null);
    if (!r.ok) return setNotice(fromError(r.error, `${evidence.name} could not be saved`));
    downloadBase64(r.value.fileName, r.value.base64, typeOf(r.value.fileName));
  };

  return (
    <>
      <ol className={s.list} aria-label={`Steps of plan ${plan.id}`}>
        {plan.steps.map((step) => (
          <li key={step.id}>
            <span className={step.undoneAt ? s.undone : undefined}>
              Marked as {step.to} on {dayMonthYear(step.date)} by {step.user}
            </span>
            {step.undoneAt &&
              ` (undone by ${step.undoneBy ?? ''}, ${formatDateTime(step.undoneAt)})`}
            {step.note && <Text block>Note: {step.note}</Text>}
            {step.evidence && (
              <Text block>
                Evidence: {step.evidence.name} ({formatBytes(step.evidence.bytes)}), SHA-256{' '}
                <span className={s.sha}>{step.evidence.sha256}</span>{' '}
                <Button
                  size="small"
                  icon={<ArrowDownloadRegular />}
                  aria-label={`Save a copy of ${step.evidence.name}`}
                  disabledFocusable={saving === step.id}
                  onClick={() => step.evidence && void save(step.id, step.evidence)}
                >
                  Save a copy…
                </Button>
              </Text>
            )}
          </li>
        ))}
      </ol>
      <LiveNotice notice={notice} />
    </>
  );
}
