import { useState } from 'react';
import { linkTestWallet } from '../account/session.ts';
import { errorCodeOf } from '../core/errorCodes.ts';
import { useT } from '../core/i18n/useT.ts';
import { useLayoverStore } from '../core/store.ts';

/** Dev chain only: links a funded test wallet to the guest without leaving the lounge (no browser wallet needed). */
export function TestWalletLinkButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);

  const link = async () => {
    setBusy(true);
    try {
      await linkTestWallet();
    } catch (error) {
      // The error carries no key material: the response that holds one never fails.
      console.warn('Layover: test wallet link failed', error);
      const code = errorCodeOf(error);
      useLayoverStore.getState().pushToast({ kind: 'alert', key: `error.${code}` });
      setBusy(false);
    }
  };

  return (
    <div className="wallet-actions">
      <button type="button" onClick={() => void link()} disabled={busy} data-testid="link-test-wallet">
        {busy ? t('wallet.testWalletLinking') : t('wallet.useTestWallet')}
      </button>
      <p className="hint">{t('wallet.testWalletHint')}</p>
    </div>
  );
}
