import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { DisplayName } from '../../shared/protocol/http.ts';
import type { SignInOptions } from '../../shared/protocol/sign-in.ts';
import { fetchHealth } from '../core/http.ts';
import { LanguageSwitcher } from '../core/i18n/LanguageSwitcher.tsx';
import { fetchSignInOptions, signInTestHost } from './api.ts';
import { type ConsoleErrorCode, consoleErrorOf, toConsoleErrorCode } from './errors.ts';
import { useT } from './i18n/useT.ts';
import { restoreSession, startSession } from './session.ts';
import { BrandButton } from './signIn/BrandButton.tsx';
import { EmailCodeForm } from './signIn/EmailCodeForm.tsx';
import { PasskeyButton } from './signIn/PasskeyButton.tsx';
import { readSignInReturn } from './signIn/returnParams.ts';
import { useConsoleStore } from './store.ts';

/** wagmi, RainbowKit and viem load only when someone signs in with a browser wallet. */
const WalletPanel = lazy(() => import('./WalletPanel.tsx'));

/** When GET /auth/options cannot be read: offer what needs no setting (email codes answer for themselves). */
const FALLBACK_OPTIONS: Pick<SignInOptions, 'email' | 'passkeys' | 'oidc'> = {
  email: true,
  passkeys: true,
  oidc: null,
};

/**
 * Sign-in for brand staff: an email code, a passkey, the brand's login, a browser wallet (SIWE), or a local test
 * host wallet on a dev chain. On load it restores the browser's session (the tab's token, else the refresh cookie).
 */
export function SignInScreen() {
  const t = useT();
  const ids = { name: useId(), hint: useId() };
  const storedError = useConsoleStore((state) => state.signInError);
  const locale = useConsoleStore((state) => state.locale);
  const setLocale = useConsoleStore((state) => state.setLocale);
  const [name, setName] = useState('Host');
  const [testWallet, setTestWallet] = useState(false);
  const [walletOpen, setWalletOpen] = useState(false);
  const [options, setOptions] = useState(FALLBACK_OPTIONS);
  const [emailOpen, setEmailOpen] = useState(false);
  const [restoring, setRestoring] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const shown = error ?? storedError;

  useEffect(() => {
    let live = true;
    void fetchHealth().then((health) => live && setTestWallet(health?.testWallet === true));
    void fetchSignInOptions()
      .then((offered) => live && setOptions(offered))
      .catch(() => undefined);
    // Back from the brand's login (?signedIn=oidc or ?signInError=code): take the query out of the address bar.
    const back = readSignInReturn(window.location.href);
    if (back.cleanUrl !== null) window.history.replaceState(null, '', back.cleanUrl);
    if (back.error) setError(toConsoleErrorCode(back.error));
    // The tab's token, else the browser's refresh cookie: a reload or a new tab stays signed in.
    void restoreSession(back.signedIn).then((ok) => live && !ok && setRestoring(false));
    return () => {
      live = false;
    };
  }, []);

  const cleanName = (): string | null => {
    const parsed = DisplayName.safeParse(name);
    setError(parsed.success ? null : 'invalidName');
    return parsed.success ? parsed.data : null;
  };

  const signInAsTestHost = async () => {
    const clean = cleanName();
    if (!clean) return;
    setBusy(true);
    try {
      await startSession((await signInTestHost(clean)).token);
    } catch (failure) {
      setError(consoleErrorOf(failure));
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="signin-lang">
        <LanguageSwitcher
          locale={locale}
          onChange={setLocale}
          label={t('lang.label')}
          className="lang"
          testId="console-language"
        />
      </div>
      <section className="card signin-card" aria-labelledby="signin-heading">
        <p className="brand">LAYOVER</p>
        <h1 id="signin-heading">{t('signIn.heading')}</h1>
        <p>{t('signIn.intro')}</p>
        <p className="hint">{t('signIn.staffHint')}</p>
        <div className="field">
          <label htmlFor={ids.name}>{t('signIn.nameLabel')}</label>
          <input
            id={ids.name}
            value={name}
            maxLength={24}
            autoComplete="nickname"
            onChange={(e) => setName(e.target.value)}
            aria-describedby={ids.hint}
            data-testid="console-name"
          />
          <span id={ids.hint} className="hint">
            {t('signIn.nameHint')}
          </span>
        </div>
        {options.email &&
          (emailOpen ? (
            <EmailCodeForm
              busy={busy || restoring}
              setBusy={setBusy}
              onError={setError}
              cleanName={cleanName}
            />
          ) : (
            <button
              type="button"
              className="primary"
              disabled={busy || restoring}
              onClick={() => setEmailOpen(true)}
              data-testid="console-email"
            >
              {t('signIn.email')}
            </button>
          ))}
        {options.passkeys && <PasskeyButton busy={busy || restoring} setBusy={setBusy} onError={setError} />}
        {options.oidc && (
          <BrandButton
            brand={options.oidc.name}
            busy={busy || restoring}
            setBusy={setBusy}
            onError={setError}
          />
        )}
        <p className="or">{t('signIn.or')}</p>
        {testWallet && (
          <div className="stack">
            <button
              type="button"
              className="primary"
              disabled={busy || restoring}
              onClick={() => void signInAsTestHost()}
              data-testid="console-test-host"
            >
              {t('signIn.testHost')}
            </button>
            <span className="hint">{t('signIn.testHostHint')}</span>
            <p className="or">{t('signIn.or')}</p>
          </div>
        )}
        {!walletOpen ? (
          <button
            type="button"
            disabled={busy || restoring}
            onClick={() => setWalletOpen(true)}
            data-testid="console-wallet"
          >
            {t('signIn.wallet')}
          </button>
        ) : (
          <Suspense fallback={<p role="status">{t('signIn.walletLoading')}</p>}>
            <WalletPanel
              onClose={() => setWalletOpen(false)}
              onError={(code) => setError(code)}
              onInvalidName={cleanName}
            />
          </Suspense>
        )}
        <p role="status" className="hint">
          {restoring ? t('signIn.restoring') : busy ? t('signIn.busy') : ''}
        </p>
        <p role="alert" className="error" data-testid="console-signin-error">
          {shown ? t(`error.${shown}`) : ''}
        </p>
      </section>
    </main>
  );
}
