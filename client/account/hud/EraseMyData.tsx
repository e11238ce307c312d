import { useId, useState } from 'react';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { eraseMyDataAndSignOut } from '../net/accountApi.ts';

/** Explains what erasing removes and what it cannot, asks for a tick, then erases and signs the member out. */
export function EraseMyData() {
  const t = useT();
  const ids = { heading: useId(), confirm: useId(), error: useId() };
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const erase = async () => {
    if (!confirmed) return setError('confirmErase');
    setBusy(true);
    setError(null);
    try {
      // On success the member is signed out and this panel is gone; nothing is left to update.
      await eraseMyDataAndSignOut();
    } catch (cause) {
      console.warn('Layover: erasing the member data failed', cause);
      setError(errorCodeOf(cause, 'network'));
      setBusy(false);
    }
  };

  return (
    <section className="account-section account-erase" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('account.eraseHeading')}</h3>
      <ul className="account-facts">
        <li>{t('account.eraseRemoved')}</li>
        <li>{t('account.eraseCancelled')}</li>
        <li>{t('account.eraseInFlight')}</li>
        <li>{t('account.eraseChain')}</li>
      </ul>
      <p className="account-hint">{t('account.eraseFinal')}</p>
      <label className="account-confirm" htmlFor={ids.confirm}>
        <input
          id={ids.confirm}
          type="checkbox"
          checked={confirmed}
          onChange={(event) => {
            setConfirmed(event.target.checked);
            setError(null);
          }}
          disabled={busy}
          aria-describedby={error ? ids.error : undefined}
          data-testid="account-erase-confirm"
        />
        {t('account.eraseConfirm')}
      </label>
      <p id={ids.error} className="account-error" role="alert">
        {error ? t(`error.${error}`) : ''}
      </p>
      <button
        type="button"
        className="danger"
        onClick={() => void erase()}
        disabled={busy}
        aria-describedby={error ? ids.error : undefined}
        data-testid="account-erase"
      >
        {busy ? t('account.erasing') : t('account.erase')}
      </button>
    </section>
  );
}
