// Progress of work done in a worker: what is happening, and how far along, for eyes and for
// screen readers (a real progressbar with its value).
import { Field, ProgressBar } from '@fluentui/react-components';

export interface WorkProgressValue {
  phase: string;
  done: number;
  total: number;
}

export function percent(p: WorkProgressValue): number {
  return p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
}

export function WorkProgress({ progress }: { progress: WorkProgressValue }) {
  const pc = percent(progress);
  return (
    <Field label={`${progress.phase}…`} validationState="none" validationMessage={`${pc}%`}>
      <ProgressBar
        value={pc / 100}
        thickness="large"
        aria-valuetext={`${progress.phase}, ${pc}%`}
      />
    </Field>
  );
}
