// The first-run guide's steps, in order, with the words for "Step 1 of 3".
export type FirstRunStep = 'provider' | 'destination' | 'done';

export const STEPS: readonly { id: FirstRunStep; label: string }[] = [
  { id: 'provider', label: 'Your provider' },
  { id: 'destination', label: 'Where you upload (optional)' },
  { id: 'done', label: 'Ready' },
];

export function stepHeading(step: FirstRunStep): string {
  const i = STEPS.findIndex((s) => s.id === step);
  return `Step ${i + 1} of ${STEPS.length}: ${STEPS[i]?.label ?? ''}`;
}
