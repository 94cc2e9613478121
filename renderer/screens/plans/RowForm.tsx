// One area of difference, added to or changed in a draft plan. The checks are the journey
// schema's row rules, shown as the user leaves each field.
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ActionPlan, PlanRow } from '../../../shared/history/types';
import { ALL_FIELDS } from '../../../shared/history/types';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { useFormStyles } from '../../components/form-styles';
import { EMPTY_ROW, rowErrors, rowInput, rowValues } from './plan-forms';
import type { RowFormValues, RowKind } from './plan-forms';
import { ERROR_TYPE_HINT, KIND_HINT, errorTypes } from './plan-model';
import { UK_DATE_HINT } from './uk-date';

interface Props {
  plan: ActionPlan;
  /** The row being changed; null to add a new one. */
  row: PlanRow | null;
  onSaved: (row: PlanRow) => void;
  onCancel: () => void;
}

export function RowForm({ plan, row, onSaved, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const heifes = plan.variant === 'heifes';
  const form = useForm<RowFormValues>(
    row ? `plans.row.${plan.id}.${row.ref}` : `plans.row.${plan.id}`,
    row ? rowValues(row) : EMPTY_ROW,
    (v) => rowErrors(v, plan.variant),
  );
  const { values, errors, set, blur } = form;
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const title = row ? `Change row ${row.ref}` : 'Add an area of difference';
  const state = (k: keyof RowFormValues) => (errors[k] ? 'error' : 'none');
  // The button that opened the form is gone: the keyboard goes to the form's first field (the
  // chosen type), not back to the top of the page.
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input:checked, input, textarea')?.focus();
  }, []);

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(ref.current);
    setSaving(true);
    const input = rowInput(values, plan.variant);
    const r = row
      ? await api['plans.updateRow']({ planId: plan.id, ref: row.ref, row: input })
      : await api['plans.addRow']({ planId: plan.id, row: input });
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The row was not saved'));
    form.reset();
    onSaved(r.value);
  };

  return (
    <form
      ref={ref}
      aria-label={title}
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className={s.subheading}>{title}</h3>
      <Field label="Type of amendment" required>
        <RadioGroup
          layout="horizontal"
          value={values.kind}
          onChange={(_, d) => set({ kind: d.value as RowKind })}
        >
          {(['CHANGE', 'ADD', 'DELETE'] as const).map((k) => (
            <Radio key={k} value={k} label={`${k}: ${KIND_HINT[k].toLowerCase()}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Description of the amendment"
        required
        hint={
          errors.description
            ? undefined
            : 'The nature of the error and the reason for the amendment, e.g. Highest qualification on entry returned as not known.'
        }
        validationState={state('description')}
        validationMessage={errors.description}
      >
        <Textarea
          value={values.description}
          resize="vertical"
          onChange={(_, d) => set({ description: d.value })}
          onBlur={() => blur('description')}
        />
      </Field>
      <div className={f.row}>
        <Field
          className={f.medium}
          label="Fields changed"
          required={values.kind === 'CHANGE'}
          hint={
            errors.fields
              ? undefined
              : values.kind === 'CHANGE'
                ? 'ILR field codes, comma separated, e.g. H14, H15.'
                : `${values.kind} rows cover ${ALL_FIELDS}.`
          }
          validationState={values.kind === 'CHANGE' ? state('fields') : 'none'}
          validationMessage={values.kind === 'CHANGE' ? errors.fields : undefined}
        >
          <Input
            value={values.kind === 'CHANGE' ? values.fields : ALL_FIELDS}
            readOnly={values.kind !== 'CHANGE'}
            autoComplete="off"
            onChange={(_, d) => set({ fields: d.value })}
            onBlur={() => blur('fields')}
          />
        </Field>
        <Field
          className={f.short}
          label="Number of records"
          required
          validationState={state('records')}
          validationMessage={errors.records}
        >
          <Input
            value={values.records}
            inputMode="numeric"
            autoComplete="off"
            onChange={(_, d) => set({ records: d.value })}
            onBlur={() => blur('records')}
          />
        </Field>
        <Field
          className={f.medium}
          label="Date the amended data will be submitted"
          required
          hint={errors.due ? undefined : UK_DATE_HINT}
          validationState={state('due')}
          validationMessage={errors.due}
        >
          <Input
            value={values.due}
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            onChange={(_, d) => set({ due: d.value })}
            onBlur={() => blur('due')}
          />
        </Field>
      </div>
      {heifes && (
        <div className={f.row}>
          <Field className={f.medium} label="Error type" hint="Where the error came from.">
            <Select value={values.errorType} onChange={(_, d) => set({ errorType: d.value })}>
              <option value="">Not given</option>
              {errorTypes(plan.year).map((t) => (
                <option key={t} value={t}>
                  {ERROR_TYPE_HINT[t] ? `${t}: ${ERROR_TYPE_HINT[t]}` : t}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={f.long} label="Cause" hint="The detailed cause of the error.">
            <Textarea
              value={values.cause}
              resize="vertical"
              onChange={(_, d) => set({ cause: d.value })}
            />
          </Field>
        </div>
      )}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {row ? `Save row ${row.ref}` : 'Add row'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
