// After HEFCE accepted the batch, the guide's loop: record the day HEFCE's updated outputs were
// available, then whether the amendments had the impact expected. "Not as expected" says what
// differed and makes a revised version of the action plan (a draft with the rows carried over),
// which opens so the process can start again.
import {
  Button,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { BatchOutcomeView } from '../../../shared/ipc/loop';
import { calendarDateIn } from '../../../shared/dates';
import { formatIsoDate } from '../../../shared/history/wording';
import { dayMonthYear } from '../../../shared/history/plan-wording';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { goTo } from '../../app/use-route';
import { useFlash } from '../../app/flash';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useFormStyles } from '../../components/form-styles';
import { useSectionStyles } from '../../components/ScreenTitle';
import { UK_DATE_HINT, isoToUkDate, ukDateToIso } from '../../components/uk-date';

/** Where the batch is in the loop, in words. */
export function outcomeWording(o: BatchOutcomeView): string {
  switch (o.state) {
    case 'not-accepted':
      return 'Not accepted yet.';
    case 'awaiting-outputs':
      return `Accepted on ${dayMonthYear(o.acceptedOn ?? '')}. HEFCE produces updated outputs from the amended data: record the day they are available.`;
    case 'awaiting-confirmation':
      return `HEFCE's updated outputs available since ${dayMonthYear(o.outputs?.date ?? '')}. Check them, then confirm the amendments had the impact expected, or say what differed.`;
    case 'impact-confirmed':
      return `Impact confirmed by ${o.confirmed?.by ?? ''} on ${dayMonthYear(o.confirmed?.date ?? '')}.`;
    case 'not-as-expected':
      return `Not as expected (${dayMonthYear(o.notAsExpected?.date ?? '')}): ${o.notAsExpected?.differed ?? ''}`;
  }
}

export function BatchOutcomeSection({ batchId }: { batchId: number }) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const headingId = useId();
  const outcome = useLoaded((a) => a['batches.outcome']({ batchId }));
  useApiEvent('history.changed', outcome.reload);
  const [date, setDate] = useState(isoToUkDate(formatIsoDate(calendarDateIn(new Date()))));
  const [impact, setImpact] = useState<'confirmed' | 'not-as-expected'>('confirmed');
  const [by, setBy] = useState('');
  const [differed, setDiffered] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [, leaveFlash] = useFlash();
  const o = outcome.value;

  const save = async () => {
    const iso = ukDateToIso(date);
    if (!iso)
      return setNotice({
        intent: 'error',
        text: `${date} is not a real date: write it dd/mm/yyyy.`,
      });
    setBusy(true);
    const r =
      o?.state === 'awaiting-outputs'
        ? await api['batches.recordOutputs']({ batchId, date: iso })
        : impact === 'confirmed'
          ? await api['batches.recordImpact']({ batchId, outcome: 'confirmed', by, date: iso })
          : await api['batches.recordImpact']({
              batchId,
              outcome: 'not-as-expected',
              differed,
              date: iso,
            });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'Not recorded'));
    const revised = r.value.notAsExpected?.revisedPlanId;
    if (r.value.state === 'not-as-expected' && revised) {
      leaveFlash({
        intent: 'success',
        text: `Batch ${batchId} was not as expected. This is the revised action plan, a draft with the rows carried over: change its rows, then mark it as submitted.`,
      });
      return goTo(`#/plans/${revised}`);
    }
    setNotice({ intent: 'success', text: outcomeWording(r.value) });
    outcome.reload();
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        After acceptance: HEFCE&apos;s updated outputs
      </h2>
      <LiveNotice
        notice={outcome.error && fromError(outcome.error, 'Could not load the outcome')}
      />
      {!o && outcome.loading && <Spinner size="tiny" label="Loading…" />}
      {o && <Text block>{outcomeWording(o)}</Text>}
      {o?.state === 'not-as-expected' && (
        <Link href={`#/plans/${o.notAsExpected?.revisedPlanId ?? ''}`}>
          Plan {o.notAsExpected?.revisedPlanId}: the revised action plan
        </Link>
      )}
      {(o?.state === 'awaiting-outputs' || o?.state === 'awaiting-confirmation') && (
        <form
          aria-label={
            o.state === 'awaiting-outputs' ? 'Updated outputs' : 'Impact of the amendments'
          }
          noValidate
          className={s.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {o.state === 'awaiting-confirmation' && (
            <Field label="Did the amendments have the impact expected?" required>
              <RadioGroup value={impact} onChange={(_, d) => setImpact(d.value as typeof impact)}>
                <Radio value="confirmed" label="Yes: impact confirmed" />
                <Radio
                  value="not-as-expected"
                  label="No: not as expected (starts a revised plan)"
                />
              </RadioGroup>
            </Field>
          )}
          {o.state === 'awaiting-confirmation' && impact === 'confirmed' && (
            <Field className={f.medium} label="Confirmed by" required>
              <Input value={by} onChange={(_, d) => setBy(d.value)} />
            </Field>
          )}
          {o.state === 'awaiting-confirmation' && impact === 'not-as-expected' && (
            <Field label="What differed from what was expected" required>
              <Textarea
                value={differed}
                resize="vertical"
                onChange={(_, d) => setDiffered(d.value)}
              />
            </Field>
          )}
          <Field
            className={f.medium}
            label={o.state === 'awaiting-outputs' ? 'Day the outputs were available' : 'Date'}
            required
            hint={UK_DATE_HINT}
          >
            <Input
              value={date}
              autoComplete="off"
              placeholder="dd/mm/yyyy"
              onChange={(_, d) => setDate(d.value)}
            />
          </Field>
          <div className={s.actions}>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              {o.state === 'awaiting-outputs'
                ? 'Record outputs available'
                : impact === 'confirmed'
                  ? 'Record impact confirmed'
                  : 'Record not as expected'}
            </Button>
          </div>
        </form>
      )}
      <LiveNotice notice={notice} />
    </section>
  );
}
