import { useId, useState } from 'react';
import type { SignInOptions } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { startBrandSignIn } from '../net/accountApi.ts';
import { passkeysSupported } from '../net/passkeys.ts';
import { AddEmailForm } from './AddEmailForm.tsx';
import { AddPasskeyButton } from './AddPasskeyButton.tsx';
import { type KeepState, showPasskey } from './keepAccountView.ts';

export interface KeepAccountProps {
  state: KeepState;
  options: SignInOptions | null;
  /** The member already has a wallet: "Connect wallet" is not offered again. */
  hasWallet: boolean;
  /** A method was added: the lists are read again. */
  onAdded: () => void;
}

/**
 * "Keep your account": up front for a guest (whose stamps, points and prizes live only in this browser until they
 * add a way to sign in), a quieter "add another way" once the account is kept.
 */
export function KeepAccount({ state, options, hasWallet, onAdded }: KeepAccountProps) {
  const t = useT();
  const headingId = useId();
  const token = useLayoverStore((store) => store.token);
  const openWallet = useLayoverStore((store) => store.setWalletLinkOpen);
  const closePanel = useLayoverStore((store) => store.setQuestPanel);
  const [emailOpen, setEmailOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const guest = state !== 'kept';
  const brand = options?.oidc?.name ?? null;

  const goToBrand = async () => {
    if (!token) return setError('unauthorized');
    setBusy(true);
    setError(null);
    try {
      const { url } = await startBrandSignIn(token);
      location.assign(url);
    } catch (cause) {
      console.warn("Layover: starting the brand's sign-in failed", cause);
      setError(errorCodeOf(cause, 'network'));
      setBusy(false);
    }
  };

  const connectWallet = () => {
    // The wallet dialog opens over the lounge where the panel was; linking keeps this member's progress.
    closePanel(null);
    openWallet(true);
  };

  return (
    <section
      className={`account-section account-keep ${guest ? 'is-guest' : 'is-kept'}`}
      aria-labelledby={headingId}
      data-testid="keep-account"
      data-state={state}
    >
      <h3 id={headingId}>{t(guest ? 'account.keep.heading' : 'account.keep.keptHeading')}</h3>
      <p className="account-keep-why">{t(guest ? 'account.keep.guest' : 'account.keep.kept')}</p>
      {!guest && <p className="account-hint">{t('account.keep.addMore')}</p>}
      {emailOpen ? (
        <AddEmailForm
          onAdded={() => {
            setEmailOpen(false);
            onAdded();
          }}
          onMergeOffer={() => setEmailOpen(false)}
          onCancel={() => setEmailOpen(false)}
        />
      ) : (
        <div className="account-actions account-keep-actions">
          {options?.email !== false && (
            <button
              type="button"
              className={guest ? 'primary' : undefined}
              onClick={() => setEmailOpen(true)}
              data-testid="add-email"
            >
              {t('account.keep.addEmail')}
            </button>
          )}
          {showPasskey(passkeysSupported(), options) && (
            <AddPasskeyButton primary={false} onAdded={onAdded} onError={setError} />
          )}
          {brand && (
            <button type="button" onClick={() => void goToBrand()} disabled={busy} data-testid="add-brand">
              {busy ? t('account.keep.brandGoing', { brand }) : t('account.keep.addBrand', { brand })}
            </button>
          )}
          {!hasWallet && (
            <button type="button" onClick={connectWallet} data-testid="keep-connect-wallet">
              {t('account.keep.connectWallet')}
            </button>
          )}
        </div>
      )}
      <p className="account-error" role="alert">
        {error ? t(`error.${error}`) : ''}
      </p>
    </section>
  );
}
