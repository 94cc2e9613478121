// A new action plan: provider, ILR year, title, and HEFCE's general template or the HEIFES one.
import { Button, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useFormStyles } from '../../components/form-styles';
import type { ActionPlan, PlanVariant } from '../../../shared/history/types';
import type { Provider } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { IlrYearField } from '../../components/IlrYearField';
import { ProviderSelect } from '../../components/ProviderSelect';
import { useSectionStyles } from '../../components/ScreenTitle';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { EMPTY_PLAN, planErrors, planInput } from './plan-forms';
import { VARIANT_LABEL } from './plan-model';

interface Props {
  providers: readonly Provider[];
  onCreated: (plan: ActionPlan) => void;
  onCancel: () => void;
}

export function CreatePlanForm({ providers, onCreated, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const only = providers.length === 1 ? (providers[0]?.upin ?? '') : '';
  const form = useForm('plans.create', { ...EMPTY_PLAN, upin: only }, planErrors);
  const { values, errors, set, blur } = form;
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(ref.current);
    setSaving(true);
    const r = await api['plans.create'](planInput(values));
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The plan was not created'));
    form.reset();
    onCreated(r.value);
  };

  return (
    <form
      ref={ref}
      aria-label="Create an action plan"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className={s.subheading}>Create an action plan</h3>
      <div className={f.row}>
        <ProviderSelect
          className={f.medium}
          providers={providers}
          value={values.upin}
          onChange={(upin) => set({ upin })}
          onBlur={() => blur('upin')}
          error={errors.upin}
        />
        <IlrYearField
          className={f.short}
          value={values.year}
          error={errors.year}
          onChange={(year) => set({ year })}
          onBlur={() => blur('year')}
        />
        <Field
          className={f.long}
          label="Title"
          required
          hint={errors.title ? undefined : 'Your own name for it, e.g. Learning aim corrections.'}
          validationState={errors.title ? 'error' : 'none'}
          validationMessage={errors.title}
        >
          <Input
            value={values.title}
            autoComplete="off"
            onChange={(_, d) => set({ title: d.value })}
            onBlur={() => blur('title')}
          />
        </Field>
      </div>
      <Field label="Template">
        <RadioGroup
          value={values.variant}
          onChange={(_, d) => set({ variant: d.value as PlanVariant })}
        >
          <Radio value="general" label={`${VARIANT_LABEL.general}: HEFCE's six columns`} />
          <Radio
            value="heifes"
            label={`${VARIANT_LABEL.heifes}: adds the error type and its cause`}
          />
        </RadioGroup>
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Create plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
