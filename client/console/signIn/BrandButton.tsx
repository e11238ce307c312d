import { useState } from 'react';
import { startBrandSignIn } from '../api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';

export interface BrandButtonProps {
  /** The brand's name from GET /auth/options. */
  brand: string;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onError: (code: ConsoleErrorCode | null) => void;
}

/**
 * "Sign in with <brand>": the server starts the brand's OpenID login (code flow with PKCE) and the browser goes
 * there; the brand sends it back through the server's callback, which sets the refresh cookie and returns to the
 * console (`?signedIn=oidc`), where the session is restored through the cookie.
 */
export function BrandButton({ brand, busy, setBusy, onError }: BrandButtonProps) {
  const t = useT();
  const [leaving, setLeaving] = useState(false);

  const go = async () => {
    onError(null);
    setBusy(true);
    try {
      const { url } = await startBrandSignIn();
      setLeaving(true);
      window.location.assign(url);
    } catch (failure) {
      onError(consoleErrorOf(failure));
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void go()} data-testid="console-brand">
        {t('signIn.brand', { brand })}
      </button>
      {leaving && (
        <p role="status" className="hint">
          {t('signIn.brandRedirecting', { brand })}
        </p>
      )}
    </>
  );
}
