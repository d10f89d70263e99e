import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Resource<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Loads again, showing the loading state meanwhile. */
  reload: () => void;
  /** Loads again in the background: the current data stays on screen until the answer arrives. */
  refresh: () => void;
  /** Shows data the screen already has (e.g. the answer of a POST); a load still running is dropped. */
  set: (data: T) => void;
}

/**
 * Loads data for a screen and keeps the three states every screen shows (loading, error, ready).
 * An answer that arrives after a newer load started is dropped.
 */
export function useResourceHandle<T>(load: () => Promise<T>, deps: DependencyList): ResourceHandle<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const generation = useRef(0);

  const run = useCallback(
    (silent: boolean) => {
      const mine = ++generation.current;
      if (!silent) setResource({ status: 'loading' });
      load().then(
        (data) => mine === generation.current && setResource({ status: 'ready', data }),
        (error: unknown) => mine === generation.current && setResource({ status: 'error', error }),
      );
    },
    // The caller's deps decide when `load` changes, like useEffect's.
    deps,
  );
  const reload = useCallback(() => run(false), [run]);
  const refresh = useCallback(() => run(true), [run]);
  const set = useCallback((data: T) => {
    generation.current++;
    setResource({ status: 'ready', data });
  }, []);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  return { resource, reload, refresh, set };
}

/** The common case: the resource and a reload for the retry button. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): [Resource<T>, () => void] {
  const { resource, reload } = useResourceHandle(load, deps);
  return [resource, reload];
}
