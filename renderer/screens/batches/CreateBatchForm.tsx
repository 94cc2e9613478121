// A new batch: the provider, the approved action plan it answers (which fixes the ILR year), and
// the upload area it goes to.
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ActionPlan, Batch } from '../../../shared/history/types';
import type { Provider } from '../../../shared/ipc/views';
import { inputs } from '../../../shared/ipc/contract';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { ProviderSelect } from '../../components/ProviderSelect';
import { useSectionStyles } from '../../components/ScreenTitle';
import { fieldErrors } from '../../forms/validation';
import type { FieldErrors } from '../../forms/validation';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { useFormStyles } from '../../components/form-styles';
import { amendsWithXml } from '../../../shared/history/lifecycle';
import { KeptXmlNote } from './KeptXmlPanel';
import { DEFAULT_AREA, XML_AREA, approvedPlans } from './batch-model';

interface Values {
  upin: string;
  planId: string;
  destination: string;
}

function batchErrors(v: Values, plans: readonly ActionPlan[]): FieldErrors {
  const plan = plans.find((p) => String(p.id) === v.planId);
  const errors = fieldErrors(inputs['batches.create'], {
    upin: v.upin,
    year: plan?.year ?? '',
    planId: plan?.id ?? 0,
    destination: v.destination,
  });
  delete errors.year;
  if (v.upin === '') errors.upin = 'Choose the provider.';
  if (!plan) errors.planId = 'Choose the approved action plan these files answer.';
  if (errors.destination) errors.destination = 'Give the upload area, e.g. ' + DEFAULT_AREA + '.';
  return errors;
}

interface Props {
  providers: readonly Provider[];
  plans: readonly ActionPlan[];
  onCreated: (batch: Batch) => void;
  onCancel: () => void;
}

export function CreateBatchForm({ providers, plans, onCreated, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const only = providers.length === 1 ? (providers[0]?.upin ?? '') : '';
  const form = useForm<Values>(
    'batches.create',
    { upin: only, planId: '', destination: DEFAULT_AREA },
    (v) => batchErrors(v, plans),
  );
  const { values, errors, set, blur } = form;
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const choices = approvedPlans(plans, values.upin);
  const plan = choices.find((p) => String(p.id) === values.planId);

  const save = async () => {
    if (!form.trySubmit() || !plan) return focusFirstInvalid(ref.current);
    setSaving(true);
    const r = await api['batches.create']({
      upin: values.upin,
      year: plan.year,
      planId: plan.id,
      destination: values.destination.trim(),
    });
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The batch was not created'));
    form.reset();
    onCreated(r.value);
  };

  return (
    <form
      ref={ref}
      aria-label="Create a batch"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className={s.subheading}>Create a batch</h3>
      <div className={f.row}>
        <ProviderSelect
          className={f.medium}
          providers={providers}
          value={values.upin}
          onChange={(upin) => set({ upin, planId: '' })}
          onBlur={() => blur('upin')}
          error={errors.upin}
        />
        <Field
          className={f.long}
          label="Approved action plan"
          required
          hint={
            errors.planId
              ? undefined
              : values.upin && choices.length === 0
                ? 'This provider has no approved plan yet: approve one on the Action plans screen.'
                : 'The batch sends files for this plan and its ILR year.'
          }
          validationState={errors.planId ? 'error' : 'none'}
          validationMessage={errors.planId}
        >
          <Select
            value={values.planId}
            onChange={(_, d) => {
              // 2011-12 XML files go to their own upload area: suggest it unless one was typed.
              const year = choices.find((p) => String(p.id) === d.value)?.year ?? '';
              const suggested = [DEFAULT_AREA, XML_AREA].includes(values.destination.trim());
              const area = amendsWithXml(year) ? XML_AREA : DEFAULT_AREA;
              set(suggested ? { planId: d.value, destination: area } : { planId: d.value });
            }}
            onBlur={() => blur('planId')}
          >
            <option value="">Choose a plan</option>
            {choices.map((p) => (
              <option key={p.id} value={String(p.id)}>
                Plan {p.id}: {p.title} ({p.year}, version {p.version})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {plan && (
        <Text>
          ILR year: {plan.year}
          {amendsWithXml(plan.year) &&
            '. This year is amended with ILR XML files: the batch will start with every XML file already submitted for this provider and year, as HEFCE asks.'}
        </Text>
      )}
      {plan && amendsWithXml(plan.year) && (
        <KeptXmlNote key={plan.id} upin={plan.upin} year={plan.year} />
      )}
      <Field
        className={f.long}
        label="Upload area"
        required
        hint={
          errors.destination
            ? undefined
            : 'Where HEFCE asks for the files, as the extranet names it.'
        }
        validationState={errors.destination ? 'error' : 'none'}
        validationMessage={errors.destination}
      >
        <Input
          value={values.destination}
          autoComplete="off"
          onChange={(_, d) => set({ destination: d.value })}
          onBlur={() => blur('destination')}
        />
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Create batch
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
