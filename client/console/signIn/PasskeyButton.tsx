import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { ApiError } from '../../core/http.ts';
import { passkeyLoginOptions, passkeyLoginVerify } from '../api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { startSignedIn } from '../session.ts';

export interface PasskeyButtonProps {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onError: (code: ConsoleErrorCode | null) => void;
}

/**
 * "Sign in with a passkey": any passkey of this site (discoverable), checked by the server, then the staff role. A
 * passkey is added in the lounge's account panel by a member who already holds an email, brand login or wallet;
 * that principal carries the console role. (The console calls @simplewebauthn/browser itself: a feature may not
 * reach into client/account's internals.)
 */
export function PasskeyButton({ busy, setBusy, onError }: PasskeyButtonProps) {
  const t = useT();
  const [waiting, setWaiting] = useState(false);

  const signIn = async () => {
    if (!browserSupportsWebAuthn()) return onError('passkeyUnavailable');
    onError(null);
    setBusy(true);
    setWaiting(true);
    try {
      const { challengeId, options } = await passkeyLoginOptions();
      let response: Awaited<ReturnType<typeof startAuthentication>>;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch (cause) {
        // Cancelled, timed out, or no passkey for this site on this device.
        throw new ApiError('passkeyInvalid', 0, undefined, { cause });
      }
      await startSignedIn(await passkeyLoginVerify(challengeId, response));
    } catch (failure) {
      onError(consoleErrorOf(failure));
      setBusy(false);
    } finally {
      setWaiting(false);
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void signIn()} data-testid="console-passkey">
        {t('signIn.passkey')}
      </button>
      {waiting && (
        <p role="status" className="hint">
          {t('signIn.passkeyWaiting')}
        </p>
      )}
    </>
  );
}
