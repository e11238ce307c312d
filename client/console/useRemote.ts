import { useCallback, useEffect, useRef, useState } from 'react';
import { type ConsoleErrorCode, consoleErrorOf } from './errors.ts';
import { withSession } from './session.ts';

export interface Remote<T> {
  data: T | null;
  error: ConsoleErrorCode | null;
  /** When the data last arrived (ms since epoch). */
  updatedAt: number | null;
  reload: () => void;
}

/**
 * Loads console data with the session token when `key` changes, and again every `pollMs` while the page is visible
 * (a hidden tab does not poll). A failed poll keeps the last data and shows the error beside it.
 */
export function useRemote<T>(load: (token: string) => Promise<T>, key: string, pollMs?: number): Remote<T> {
  const [state, setState] = useState<Omit<Remote<T>, 'reload'>>({ data: null, error: null, updatedAt: null });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and nonce are what trigger a fresh load.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (!pollMs || document.visibilityState !== 'hidden') {
        try {
          const data = await withSession(loadRef.current);
          if (live) setState({ data, error: null, updatedAt: Date.now() });
        } catch (error) {
          if (live)
            setState((old) => ({
              ...old,
              error: consoleErrorOf(error),
            }));
        }
      }
      if (live && pollMs) timer = setTimeout(tick, pollMs);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, nonce, pollMs]);

  const reload = useCallback(() => setNonce((value) => value + 1), []);
  return { ...state, reload };
}
