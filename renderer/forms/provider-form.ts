// The provider form: what the user typed, and the providers.add input it becomes. UPIN and UKPRN
// stay text throughout, so a UPIN like 012345 keeps its leading zero.
import { inputs } from '../../shared/ipc/contract';
import type { Input } from '../../shared/ipc/contract';
import { fieldErrors } from './validation';
import type { FieldErrors } from './validation';

export interface ProviderFormValues {
  upin: string;
  ukprn: string;
  name: string;
}

export const EMPTY_PROVIDER: ProviderFormValues = { upin: '', ukprn: '', name: '' };

export function providerInput(v: ProviderFormValues): Input<'providers.add'> {
  const ukprn = v.ukprn.trim();
  return { upin: v.upin.trim(), ukprn: ukprn === '' ? null : ukprn, name: v.name };
}

export function providerErrors(v: ProviderFormValues): FieldErrors {
  return fieldErrors(inputs['providers.add'], providerInput(v));
}
