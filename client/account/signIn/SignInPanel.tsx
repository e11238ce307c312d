import { useEffect, useId, useState } from 'react';
import type { SignInOptions } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { fetchSignInOptions, startBrandSignIn } from '../net/memberApi.ts';
import { passkeysSupported, signInWithPasskey } from '../net/passkeys.ts';
import { handleSignInResult } from '../session.ts';
import { EmailCodeForm } from './EmailCodeForm.tsx';

export interface SignInPanelProps {
  /** The entry form's display name when valid (a member created by this sign-in is called so), else null. */
  name: string | null;
  disabled: boolean;
}

/**
 * "Already a member?": the sign-ins this lounge offers (GET /auth/options, fetched once), each a button: an emailed
 * code, a passkey, the brand's own login. Nothing shows until the server has said which exist.
 */
export function SignInPanel({ name, disabled }: SignInPanelProps) {
  const t = useT();
  const ids = { heading: useId(), error: useId() };
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [emailOpen, setEmailOpen] = useState(false);
  const [working, setWorking] = useState<'passkey' | 'brand' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let live = true;
    void fetchSignInOptions().then((answer) => live && setOptions(answer));
    return () => {
      live = false;
    };
  }, []);

  if (!options) return null;
  const passkeys = options.passkeys && passkeysSupported();
  const brand = options.oidc?.name ?? null;
  if (!options.email && !passkeys && !brand) return null;
  const busy = disabled || working !== null;

  const withPasskey = async () => {
    setWorking('passkey');
    setError(null);
    try {
      await handleSignInResult(await signInWithPasskey(null));
    } catch (failure) {
      console.warn('Layover: passkey sign-in failed', failure);
      setError(errorCodeOf(failure, 'passkeyInvalid'));
    } finally {
      setWorking(null);
    }
  };

  const withBrand = async () => {
    setWorking('brand');
    setError(null);
    try {
      const { url } = await startBrandSignIn(name);
      globalThis.location.assign(url);
    } catch (failure) {
      setError(errorCodeOf(failure, 'oidcUnavailable'));
      setWorking(null);
    }
  };

  return (
    <section className="signin" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('signIn.heading')}</h2>
      <p className="hint">{t('signIn.intro')}</p>
      <div className="entry-alt">
        {options.email && (
          <button
            type="button"
            data-testid="signin-email"
            onClick={() => {
              setEmailOpen((open) => !open);
              setError(null);
            }}
            aria-expanded={emailOpen}
            disabled={busy}
          >
            {t('signIn.email')}
          </button>
        )}
        {emailOpen && <EmailCodeForm name={name} disabled={busy} />}
        {passkeys && (
          <button
            type="button"
            data-testid="signin-passkey"
            onClick={() => void withPasskey()}
            disabled={busy}
          >
            {t('signIn.passkey')}
          </button>
        )}
        {brand && (
          <button type="button" data-testid="signin-brand" onClick={() => void withBrand()} disabled={busy}>
            {t('signIn.brand', { brand })}
          </button>
        )}
      </div>
      <p className="hint">{t('signIn.newMemberHint')}</p>
      <div id={ids.error} role="alert" className="form-error">
        {error ? t(`error.${error}`) : ''}
      </div>
      <p role="status" className="hint">
        {working === 'passkey'
          ? t('signIn.passkeyWaiting')
          : working === 'brand' && brand
            ? t('signIn.brandRedirecting', { brand })
            : ''}
      </p>
    </section>
  );
}
