// A reducer whose state lives in the drafts above the error boundary, so it outlives the screen:
// after a failure or a visit elsewhere, the wizard comes back exactly as it was left. Work that
// finishes while the screen is away (an extract still loading) lands in the same store.
import { useContext, useState, useSyncExternalStore } from 'react';
import { DraftsContext } from '../../app/hooks';

export class ReducerStore<S, A> {
  private readonly listeners = new Set<() => void>();

  constructor(
    private state: S,
    private readonly reducer: (s: S, a: A) => S,
  ) {}

  readonly get = (): S => this.state;

  readonly dispatch = (a: A): void => {
    this.state = this.reducer(this.state, a);
    for (const l of this.listeners) l();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** An object kept in the drafts for as long as the app runs, made on first use. */
export function useDraftObject<T>(key: string, make: () => T): T {
  const drafts = useContext(DraftsContext);
  const [value] = useState<T>(() => {
    const held = drafts.get<T | undefined>(key, undefined);
    if (held !== undefined) return held;
    const made = make();
    drafts.set(key, made);
    return made;
  });
  return value;
}

export function useDraftReducer<S, A>(
  key: string,
  reducer: (s: S, a: A) => S,
  initial: S,
): [S, (a: A) => void] {
  const store = useDraftObject(key, () => new ReducerStore(initial, reducer));
  const state = useSyncExternalStore(store.subscribe, store.get);
  return [state, store.dispatch];
}
