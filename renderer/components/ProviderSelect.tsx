// Choosing one of the providers in the history, by name and UPIN. A native select underneath, so
// the keyboard, screen readers and automation all treat it as the ordinary control it is.
import { Field, Select } from '@fluentui/react-components';
import type { Provider } from '../../shared/ipc/views';

interface Props {
  providers: readonly Provider[];
  value: string;
  onChange: (upin: string) => void;
  onBlur?: () => void;
  error?: string;
  className?: string;
  label?: string;
}

export function ProviderSelect(p: Props) {
  return (
    <Field
      className={p.className}
      label={p.label ?? 'Provider'}
      required
      validationState={p.error ? 'error' : 'none'}
      validationMessage={p.error}
    >
      <Select value={p.value} onChange={(_, d) => p.onChange(d.value)} onBlur={p.onBlur}>
        <option value="">Choose a provider</option>
        {p.providers.map((v) => (
          <option key={v.upin} value={v.upin}>
            {v.name} ({v.upin})
          </option>
        ))}
      </Select>
    </Field>
  );
}
