// The ILR year (2010-11) as plans and imports ask for it: one field, one hint, one error display.
import { Field, Input } from '@fluentui/react-components';

interface Props {
  value: string;
  error: string | undefined;
  onChange: (year: string) => void;
  onBlur: () => void;
  className?: string;
}

export function IlrYearField({ value, error, onChange, onBlur, className }: Props) {
  return (
    <Field
      className={className}
      label="ILR year"
      required
      hint={error ? undefined : 'For example 2010-11.'}
      validationState={error ? 'error' : 'none'}
      validationMessage={error}
    >
      <Input
        value={value}
        autoComplete="off"
        onChange={(_, d) => onChange(d.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
