import { useCallback, useEffect, useState } from 'react';
import type { CredentialsResponse, DeviceView, SignInOptions } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useLayoverStore } from '../../core/store.ts';
import { fetchCredentials, fetchDevices, fetchSignInOptions } from '../net/accountApi.ts';

/** One list the panel loads: its value once loaded, or the translated reason it could not be. */
export interface Loaded<T> {
  value: T | null;
  error: ErrorCode | null;
}

export interface AccountData {
  options: SignInOptions | null;
  credentials: Loaded<CredentialsResponse>;
  devices: Loaded<DeviceView[]>;
  reloadCredentials: () => Promise<void>;
  reloadDevices: () => Promise<void>;
  /** Applies a consent change the server accepted without reloading everything. */
  setConsent: (consent: CredentialsResponse['marketingConsent']) => void;
}

const empty = { value: null, error: null };

/**
 * Reads one list with the session's token at call time. An answer for a token that is no longer the session's (an
 * email was just added and the session moved to a new token) is dropped: the call with the new token decides.
 */
export async function readForSession<T>(
  read: (token: string) => Promise<T>,
  set: (update: (old: Loaded<T>) => Loaded<T>) => void,
  what: string,
): Promise<void> {
  const token = useLayoverStore.getState().token;
  if (!token) return;
  try {
    const value = await read(token);
    if (useLayoverStore.getState().token === token) set(() => ({ value, error: null }));
  } catch (error) {
    if (useLayoverStore.getState().token !== token) return;
    console.warn(`Layover: ${what} failed`, error);
    set((old) => ({ value: old.value, error: errorCodeOf(error, 'network') }));
  }
}

/** Loads what the account panel shows, again whenever the session's token changes (an email added, a merge). */
export function useAccountData(): AccountData {
  const token = useLayoverStore((state) => state.token);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [credentials, setCredentials] = useState<Loaded<CredentialsResponse>>(empty);
  const [devices, setDevices] = useState<Loaded<DeviceView[]>>(empty);

  const reloadCredentials = useCallback(
    () => readForSession(fetchCredentials, setCredentials, 'loading the sign-in methods'),
    [],
  );
  const reloadDevices = useCallback(
    () =>
      readForSession(async (token) => (await fetchDevices(token)).devices, setDevices, 'loading the devices'),
    [],
  );

  useEffect(() => {
    let live = true;
    fetchSignInOptions()
      .then((answer) => live && setOptions(answer))
      .catch((error: unknown) => console.warn('Layover: loading the sign-in options failed', error));
    return () => {
      live = false;
    };
  }, []);

  // Again whenever the token changes: a method added, a merge, a refresh (whose answer is the same lists).
  useEffect(() => {
    if (!token) return;
    void reloadCredentials();
    void reloadDevices();
  }, [token, reloadCredentials, reloadDevices]);

  const setConsent = useCallback(
    (marketingConsent: CredentialsResponse['marketingConsent']) =>
      setCredentials((old) => (old.value ? { ...old, value: { ...old.value, marketingConsent } } : old)),
    [],
  );

  return { options, credentials, devices, reloadCredentials, reloadDevices, setConsent };
}
