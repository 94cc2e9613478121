// The hooks screens use to reach main: the api from context, results loaded into state, events,
// and form drafts that outlive a screen failure.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Events } from '../../shared/ipc/contract';
import type { WindowApi } from '../../shared/ipc/api';
import type { AppError, Result } from '../../shared/ipc/result';
import { Drafts } from './drafts';

export const ApiContext = createContext<WindowApi | null>(null);
export const DraftsContext = createContext<Drafts>(new Drafts());

export function useApi(): WindowApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('The app was started without a connection to ReturnDesk.');
  return api;
}

export interface Loaded<T> {
  value: T | undefined;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads once on mount and again on reload(); a reload keeps showing the last value meanwhile,
 *  so a live refresh does not make the screen flicker. */
export function useLoaded<T>(load: (api: WindowApi) => Promise<Result<T>>): Loaded<T> {
  const api = useApi();
  const loader = useRef(load);
  const latest = useRef(0);
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({
    value: undefined,
    error: null,
    loading: true,
  });
  const reload = useCallback(() => {
    const mine = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    void loader.current(api).then((r) => {
      // An older answer arriving after a newer request must not overwrite it.
      if (mine !== latest.current) return;
      setState((s) =>
        r.ok
          ? { value: r.value, error: null, loading: false }
          : { value: s.value, error: r.error, loading: false },
      );
    });
  }, [api]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export function useApiEvent<E extends keyof Events>(
  event: E,
  listener: (payload: Events[E]) => void,
): void {
  const api = useApi();
  const current = useRef(listener);
  useEffect(() => {
    current.current = listener;
  });
  useEffect(() => api.events.on(event, (p) => current.current(p)), [api, event]);
}

/** Component state that is also written to the drafts above the error boundary. */
export function useDraft<T extends object>(
  key: string,
  initial: T,
  omit: readonly (keyof T)[] = [],
): [T, (patch: Partial<T>) => void, () => void] {
  const drafts = useContext(DraftsContext);
  // The starting values and the secret fields are fixed per form; refs keep the callbacks stable.
  const fixed = useRef({ initial, omit });
  const [value, setValue] = useState<T>(() => ({ ...initial, ...drafts.get(key, {}) }));
  // The draft is written as the user types, not when React next renders: if that render is the
  // one that fails, the keystroke is already safe above the boundary.
  const latest = useRef(value);
  const update = useCallback(
    (patch: Partial<T>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      const kept: Partial<T> = { ...next };
      for (const k of fixed.current.omit) delete kept[k];
      drafts.set(key, kept);
      setValue(next);
    },
    [drafts, key],
  );
  const clear = useCallback(() => {
    drafts.clear(key);
    latest.current = fixed.current.initial;
    setValue(fixed.current.initial);
  }, [drafts, key]);
  return [value, update, clear];
}
