import { type FormEvent, lazy, Suspense, useEffect, useId, useState } from 'react';
import { inLocale } from '../../shared/protocol/brand.ts';
import { brandImageUrl } from '../core/brand/brandImages.ts';
import { useBrandKit } from '../core/brand/useBrand.ts';
import { cleanDisplayName, DISPLAY_NAME_MAX, rememberedName, rememberName } from '../core/displayName.ts';
import { fetchHealth } from '../core/http.ts';
import { LanguageSwitcher } from '../core/i18n/LanguageSwitcher.tsx';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';
import { ChooseLookAtEntry } from './avatar/ChooseLookAtEntry.tsx';
import { ErasedNotice } from './hud/ErasedNotice.tsx';
import { enterAsGuest, enterWithTestWallet } from './session.ts';
import { SignInPanel } from './signIn/SignInPanel.tsx';

/** The wallet stack (wagmi, RainbowKit, viem) is only fetched when a member asks for it. */
const WalletPanel = lazy(() => import('../wallet/WalletPanel.tsx'));

/**
 * First screen: pick a display name and enter as a guest, with a test wallet, or with a browser wallet; returning
 * members sign in (emailed code, passkey, the brand's login). While the page checks for a session this browser
 * still has, it says so instead of offering the form.
 */
export function EntryScreen() {
  const t = useT();
  const ids = { name: useId(), hint: useId(), error: useId() };
  const status = useLayoverStore((state) => state.status);
  const errorCode = useLayoverStore((state) => state.errorCode);
  const locale = useLayoverStore((state) => state.locale);
  const setLocale = useLayoverStore((state) => state.setLocale);
  const brand = useBrandKit();
  const [name, setName] = useState(rememberedName);
  const erased = useLayoverStore((state) => state.erasure !== null);
  const [nameInvalid, setNameInvalid] = useState(false);
  const [testWallet, setTestWallet] = useState(false);
  const [walletOpen, setWalletOpen] = useState(false);
  const busy = status === 'joining';
  const restoring = status === 'restoring';

  // Erasing ends every session at once, so this screen may already be showing the remembered name when the erase
  // answer arrives and forgets it: the field forgets it too.
  useEffect(() => {
    if (erased) setName('');
  }, [erased]);

  useEffect(() => {
    let live = true;
    fetchHealth().then((health) => live && setTestWallet(health?.testWallet === true));
    return () => {
      live = false;
    };
  }, []);

  const validName = (): string | null => {
    const clean = cleanDisplayName(name);
    setNameInvalid(clean === null);
    if (clean) rememberName(clean);
    return clean;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const clean = validName();
    if (clean && !busy) void enterAsGuest(clean);
  };
  const onTestWallet = () => {
    const clean = validName();
    if (clean && !busy) void enterWithTestWallet(clean);
  };

  const errorText = nameInvalid
    ? t('error.invalidName', { max: DISPLAY_NAME_MAX })
    : errorCode
      ? t(`error.${errorCode}`, { max: DISPLAY_NAME_MAX })
      : '';

  return (
    <main className="entry">
      <div className="entry-lang">
        <LanguageSwitcher locale={locale} onChange={setLocale} label={t('settings.language')} />
      </div>
      <section className="entry-card" aria-labelledby="entry-heading">
        <p className="entry-brand" data-testid="brand-name">
          {brand.logo ? (
            <img className="entry-brand-logo" src={brandImageUrl(brand.logo)} alt="" />
          ) : (
            <span aria-hidden="true">✈ </span>
          )}
          {brand.name}
        </p>
        <h1 id="entry-heading" data-testid="brand-welcome">
          {inLocale(brand.welcome, locale)}
        </h1>
        <p className="entry-tagline">{t('entry.tagline')}</p>
        <ErasedNotice />
        {restoring ? (
          <p className="entry-status" role="status" aria-busy="true" data-testid="entry-restoring">
            {t('signIn.restoring')}
          </p>
        ) : (
          entryForms()
        )}
      </section>
    </main>
  );

  /** The forms, as a plain call (not a component) so typing keeps the inputs mounted. */
  function entryForms() {
    return (
      <>
        <form className="entry-form" onSubmit={onSubmit} noValidate>
          <label htmlFor={ids.name}>{t('entry.nameLabel')}</label>
          <input
            id={ids.name}
            data-testid="name-input"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setNameInvalid(false);
            }}
            placeholder={t('entry.namePlaceholder')}
            maxLength={DISPLAY_NAME_MAX + 8}
            autoComplete="nickname"
            aria-invalid={nameInvalid}
            aria-describedby={`${ids.hint}${errorText ? ` ${ids.error}` : ''}`}
            disabled={busy}
          />
          <p id={ids.hint} className="hint">
            {t('entry.nameHint', { max: DISPLAY_NAME_MAX })}
          </p>
          <div id={ids.error} role="alert" className="form-error">
            {errorText}
          </div>
          <ChooseLookAtEntry disabled={busy} />
          <button type="submit" className="primary" data-testid="enter-guest" disabled={busy}>
            {busy ? t('entry.joining') : t('entry.enterGuest')}
          </button>
          <p className="divider">
            <span>{t('entry.or')}</span>
          </p>
          <div className="entry-alt">
            {testWallet && (
              <button type="button" onClick={onTestWallet} disabled={busy} data-testid="enter-test-wallet">
                {t('entry.testWallet')}
              </button>
            )}
            <button
              type="button"
              onClick={() => setWalletOpen(true)}
              disabled={busy || walletOpen}
              aria-expanded={walletOpen}
            >
              {t('entry.connectWallet')}
            </button>
          </div>
        </form>
        {walletOpen && (
          <Suspense fallback={<p role="status">{t('wallet.loading')}</p>}>
            <WalletPanel name={name} onClose={() => setWalletOpen(false)} />
          </Suspense>
        )}
        <SignInPanel name={cleanDisplayName(name)} disabled={busy} />
        <p className="entry-status" role="status">
          {busy ? t('entry.joining') : ''}
        </p>
      </>
    );
  }
}
