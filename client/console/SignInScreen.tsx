import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { DisplayName } from '../../shared/protocol/http.ts';
import { fetchHealth } from '../core/http.ts';
import { LanguageSwitcher } from '../core/i18n/LanguageSwitcher.tsx';
import { signInTestHost } from './api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from './errors.ts';
import { useT } from './i18n/useT.ts';
import { startSession } from './session.ts';
import { useConsoleStore } from './store.ts';

/** wagmi, RainbowKit and viem load only when someone signs in with a browser wallet. */
const WalletPanel = lazy(() => import('./WalletPanel.tsx'));

/** Sign-in for brand staff: a local test host wallet on a dev chain, or a browser wallet (SIWE). */
export function SignInScreen() {
  const t = useT();
  const ids = { name: useId(), hint: useId() };
  const token = useConsoleStore((state) => state.token);
  const storedError = useConsoleStore((state) => state.signInError);
  const locale = useConsoleStore((state) => state.locale);
  const setLocale = useConsoleStore((state) => state.setLocale);
  const [name, setName] = useState('Host');
  const [testWallet, setTestWallet] = useState(false);
  const [walletOpen, setWalletOpen] = useState(false);
  const [busy, setBusy] = useState(Boolean(token));
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const shown = error ?? storedError;

  useEffect(() => {
    let live = true;
    void fetchHealth().then((health) => live && setTestWallet(health?.testWallet === true));
    // A token kept from earlier in this tab: check it is still a live host session.
    const kept = useConsoleStore.getState().token;
    if (kept) void startSession(kept).catch(() => live && setBusy(false));
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
        {testWallet && (
          <div className="stack">
            <button
              type="button"
              className="primary"
              disabled={busy}
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
            disabled={busy}
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
          {busy ? t('signIn.busy') : ''}
        </p>
        <p role="alert" className="error" data-testid="console-signin-error">
          {shown ? t(`error.${shown}`) : ''}
        </p>
      </section>
    </main>
  );
}
