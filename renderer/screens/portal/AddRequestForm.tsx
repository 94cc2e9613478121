// A data request added by hand, for a portal ReturnDesk cannot ask (or before the portal lists
// it): reporting period, template, the due date and, optionally, the day the collection opens
// (left empty, it opens on the due date) and the destination the file goes to.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DataRequestView } from '../../../shared/ipc/portal';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { useFormStyles } from '../../components/form-styles';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { UK_DATE_HINT } from '../../components/uk-date';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { EMPTY_REQUEST, requestErrors, requestInput } from './portal-forms';

interface Props {
  destinations: readonly DestinationView[];
  onAdded: (r: DataRequestView) => void;
  onCancel: () => void;
}

export function AddRequestForm({ destinations, onAdded, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const form = useForm('portal.addRequest', EMPTY_REQUEST, requestErrors);
  const { values, errors, set, blur } = form;
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const state = (k: string) => (errors[k] ? 'error' : 'none');

  const save = async () => {
    if (!form.trySubmit()) return focusFirstInvalid(ref.current);
    setSaving(true);
    const r = await api['portal.addRequest'](requestInput(values));
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The request was not added'));
    form.reset();
    onAdded(r.value);
  };

  return (
    <form
      ref={ref}
      aria-label="Add a data request"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className={s.subheading}>Add a data request</h2>
      <div className={f.row}>
        <Field
          className={f.medium}
          label="Reporting period"
          required
          hint={errors.period ? undefined : 'The year, series or quarter, e.g. June 2019.'}
          validationState={state('period')}
          validationMessage={errors.period}
        >
          <Input
            value={values.period}
            autoComplete="off"
            // The button that opened the form has done its job: the user types next.
            autoFocus
            onChange={(_, d) => set({ period: d.value })}
            onBlur={() => blur('period')}
          />
        </Field>
        <Field
          className={f.long}
          label="Template"
          required
          hint={errors.template ? undefined : 'As the portal names it, e.g. SpecificationCodes.'}
          validationState={state('template')}
          validationMessage={errors.template}
        >
          <Input
            value={values.template}
            autoComplete="off"
            onChange={(_, d) => set({ template: d.value })}
            onBlur={() => blur('template')}
          />
        </Field>
      </div>
      <div className={f.row}>
        <Field
          className={f.medium}
          label="Collection opens (optional)"
          hint={errors.opens ? undefined : `${UK_DATE_HINT} Left empty, it opens on the due date.`}
          validationState={state('opens')}
          validationMessage={errors.opens}
        >
          <Input
            value={values.opens}
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            onChange={(_, d) => set({ opens: d.value })}
            onBlur={() => blur('opens')}
          />
        </Field>
        <Field
          className={f.medium}
          label="Due date"
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
        <Field
          className={f.long}
          label="Destination (optional)"
          hint="Where the file goes. Without one, ReturnDesk checks files for this request but you upload them on the portal’s website."
        >
          <Select value={values.destinationId} onChange={(_, d) => set({ destinationId: d.value })}>
            <option value="">None</option>
            {destinations.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}: {d.area}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Add request
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
