import { useId, useState } from 'react';
import type { CredentialsResponse } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { setMarketingConsent } from '../net/accountApi.ts';
import type { Loaded } from './useAccountData.ts';

export interface EmailConsentProps {
  credentials: Loaded<CredentialsResponse>;
  /** Applies the consent the server now holds (with the time it was given). */
  onChanged: (consent: CredentialsResponse['marketingConsent']) => void;
}

/** News and offers by email: off until the member ticks it, kept apart from sign-in codes, which always come. */
export function EmailConsent({ credentials, onChanged }: EmailConsentProps) {
  const t = useT();
  const ids = { heading: useId(), box: useId(), hint: useId() };
  const token = useLayoverStore((state) => state.token);
  // The box shows the member's choice at once; a refusal puts it back.
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const consent = credentials.value?.marketingConsent ?? null;

  const change = async (marketing: boolean) => {
    if (!token || pending !== null) return;
    setPending(marketing);
    setError(null);
    try {
      // The server answers the consent it now holds, with the time it stamped.
      onChanged(await setMarketingConsent(token, marketing));
    } catch (cause) {
      console.warn('Layover: changing the marketing consent failed', cause);
      setError(errorCodeOf(cause, 'network'));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="account-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('account.consent.heading')}</h3>
      <label className="account-confirm" htmlFor={ids.box}>
        <input
          id={ids.box}
          type="checkbox"
          checked={pending ?? consent?.granted ?? false}
          onChange={(event) => void change(event.target.checked)}
          // Never disabled while saving: a disabled box would drop the keyboard focus out of the panel.
          disabled={consent === null}
          aria-busy={pending !== null}
          aria-describedby={ids.hint}
          data-testid="marketing-consent"
        />
        {t('account.consent.label')}
      </label>
      <p id={ids.hint} className="account-hint">
        {t('account.consent.hint')}
      </p>
      <p className="account-consent-state" role="status" data-testid="marketing-consent-state">
        {consent &&
          (consent.granted && consent.at !== null
            ? t('account.consent.since', { at: consent.at })
            : t('account.consent.off'))}
      </p>
      <p className="account-error" role="alert">
        {error ? t(`error.${error}`) : ''}
      </p>
    </section>
  );
}
