// UPIN, UKPRN and name: shared by the first-run form and Settings.
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ProviderFormValues } from '../forms/provider-form';
import type { Form } from '../forms/use-form';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  short: { width: '16rem' },
  long: { flexGrow: 1, minWidth: '18rem', maxWidth: '32rem' },
});

export function ProviderFields(p: { form: Form<ProviderFormValues>; autoFocus?: boolean }) {
  const s = useStyles();
  const { values, errors, set, blur } = p.form;
  const state = (k: keyof ProviderFormValues) => (errors[k] ? 'error' : 'none');
  // An error message says what is needed; the hint beside it would only repeat it.
  const hintUnless = (k: keyof ProviderFormValues, hint: string) => (errors[k] ? undefined : hint);
  return (
    <div className={s.row}>
      <Field
        className={s.short}
        label="UPIN"
        required
        hint={hintUnless('upin', 'Six digits, leading zeros included, e.g. 012345.')}
        validationState={state('upin')}
        validationMessage={errors.upin}
      >
        <Input
          value={values.upin}
          // Only when the user has just asked for this form, so focus goes where they will type.
          autoFocus={p.autoFocus}
          inputMode="numeric"
          autoComplete="off"
          onChange={(_, d) => set({ upin: d.value })}
          onBlur={() => blur('upin')}
        />
      </Field>
      <Field
        className={s.short}
        label="UKPRN (optional)"
        hint={hintUnless('ukprn', 'Eight digits, from the UK Register of Learning Providers.')}
        validationState={state('ukprn')}
        validationMessage={errors.ukprn}
      >
        <Input
          value={values.ukprn}
          inputMode="numeric"
          autoComplete="off"
          onChange={(_, d) => set({ ukprn: d.value })}
          onBlur={() => blur('ukprn')}
        />
      </Field>
      <Field
        className={s.long}
        label="Provider name"
        required
        hint={hintUnless('name', 'As it appears on your returns.')}
        validationState={state('name')}
        validationMessage={errors.name}
      >
        <Input
          value={values.name}
          autoComplete="organization"
          onChange={(_, d) => set({ name: d.value })}
          onBlur={() => blur('name')}
        />
      </Field>
    </div>
  );
}
