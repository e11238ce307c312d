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

/** Loads what the account panel shows, again whenever the session's token changes (an email added, a merge). */
export function useAccountData(): AccountData {
  const token = useLayoverStore((state) => state.token);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [credentials, setCredentials] = useState<Loaded<CredentialsResponse>>(empty);
  const [devices, setDevices] = useState<Loaded<DeviceView[]>>(empty);

  const reloadCredentials = useCallback(async () => {
    if (!token) return;
    try {
      setCredentials({ value: await fetchCredentials(token), error: null });
    } catch (error) {
      console.warn('Layover: loading the sign-in methods failed', error);
      setCredentials((old) => ({ value: old.value, error: errorCodeOf(error, 'network') }));
    }
  }, [token]);

  const reloadDevices = useCallback(async () => {
    if (!token) return;
    try {
      setDevices({ value: (await fetchDevices(token)).devices, error: null });
    } catch (error) {
      console.warn('Layover: loading the devices failed', error);
      setDevices((old) => ({ value: old.value, error: errorCodeOf(error, 'network') }));
    }
  }, [token]);

  useEffect(() => {
    let live = true;
    fetchSignInOptions()
      .then((answer) => live && setOptions(answer))
      .catch((error: unknown) => console.warn('Layover: loading the sign-in options failed', error));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    void reloadCredentials();
    void reloadDevices();
  }, [reloadCredentials, reloadDevices]);

  const setConsent = useCallback(
    (marketingConsent: CredentialsResponse['marketingConsent']) =>
      setCredentials((old) => (old.value ? { ...old, value: { ...old.value, marketingConsent } } : old)),
    [],
  );

  return { options, credentials, devices, reloadCredentials, reloadDevices, setConsent };
}
