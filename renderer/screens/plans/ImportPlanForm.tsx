// An action plan from HEFCE's Excel template (.xlsx): read here and sent as bytes, never as a
// path. It becomes a new draft plan; the workbook's own provider and year must match.
import { Button, Field } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ActionPlan } from '../../../shared/history/types';
import type { Provider } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { fileToBase64 } from '../../app/bytes';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { IlrYearField } from '../../components/IlrYearField';
import { ProviderSelect } from '../../components/ProviderSelect';
import { useSectionStyles } from '../../components/ScreenTitle';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { EMPTY_IMPORT, importErrors } from './plan-forms';
import { useFormStyles } from '../../components/form-styles';

interface Props {
  providers: readonly Provider[];
  onImported: (plan: ActionPlan) => void;
  onCancel: () => void;
}

export function ImportPlanForm({ providers, onImported, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const only = providers.length === 1 ? (providers[0]?.upin ?? '') : '';
  // The file name is a draft like the rest; the file itself cannot be, so it is chosen again
  // after a screen failure.
  const form = useForm('plans.import', { ...EMPTY_IMPORT, upin: only }, importErrors);
  const { values, errors, set, blur } = form;
  const file = useRef<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!file.current) set({ fileName: '' });
    if (!form.trySubmit() || !file.current) return focusFirstInvalid(ref.current);
    setSaving(true);
    setNotice({ intent: 'info', text: `Reading ${values.fileName}…` });
    const read = await fileToBase64(file.current);
    const r = read.ok
      ? await api['plans.importXlsx']({
          upin: values.upin,
          year: values.year.trim(),
          fileName: values.fileName,
          base64: read.value,
        })
      : read;
    setSaving(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The plan was not imported'));
    form.reset();
    file.current = null;
    onImported(r.value);
  };

  return (
    <form
      ref={ref}
      aria-label="Import an action plan"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className={s.subheading}>Import an action plan from Excel</h3>
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
      </div>
      <Field
        label="Action plan workbook (.xlsx)"
        required
        hint={errors.fileName ? undefined : 'HEFCE’s template, or a plan exported from ReturnDesk.'}
        validationState={errors.fileName ? 'error' : 'none'}
        validationMessage={errors.fileName}
      >
        {(props) => (
          <input
            {...props}
            className={f.file}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              file.current = e.currentTarget.files?.[0] ?? null;
              set({ fileName: file.current?.name ?? '' });
              blur('fileName');
            }}
          />
        )}
      </Field>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Import plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
