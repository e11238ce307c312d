import { useId, useState } from 'react';
import type { CredentialsResponse } from '../../../shared/protocol/sign-in.ts';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { removeCredential } from '../net/accountApi.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { METHOD_KEYS, shortAddress, sortCredentials } from './keepAccountView.ts';
import { MethodIcon } from './MethodIcon.tsx';
import type { Loaded } from './useAccountData.ts';

export interface SignInMethodsProps {
  credentials: Loaded<CredentialsResponse>;
  reload: () => Promise<void>;
}

/** Every way the member can sign in, each removable after a confirmation (the server keeps the last one). */
export function SignInMethods({ credentials, reload }: SignInMethodsProps) {
  const t = useT();
  const headingId = useId();
  const token = useLayoverStore((state) => state.token);
  const pushToast = useLayoverStore((state) => state.pushToast);
  const [error, setError] = useState<ErrorCode | null>(null);
  const value = credentials.value;
  const shownError = error ?? credentials.error;

  const remove = async (id: string): Promise<boolean> => {
    if (!token) return false;
    setError(null);
    try {
      await removeCredential(token, id);
      pushToast({ kind: 'status', key: 'account.methods.removed' });
      await reload();
      return true;
    } catch (cause) {
      console.warn('Layover: removing a sign-in method failed', cause);
      setError(errorCodeOf(cause, 'network'));
      return false;
    }
  };

  return (
    <section className="account-section" aria-labelledby={headingId} data-testid="sign-in-methods">
      <h3 id={headingId}>{t('account.methods.heading')}</h3>
      {value === null && !credentials.error && <p className="account-hint">{t('account.loading')}</p>}
      {value && value.credentials.length === 0 && !value.wallet && (
        <p className="account-hint">{t('account.methods.none')}</p>
      )}
      {value && (value.credentials.length > 0 || value.wallet) && (
        <ul className="account-list">
          {sortCredentials(value.credentials).map((credential) => (
            <li key={credential.id} className="account-row" data-testid="credential-item">
              <MethodIcon kind={credential.kind} />
              <div className="account-row-text">
                <span className="account-row-title">{credential.label}</span>
                <span className="account-row-meta">
                  {t(METHOD_KEYS[credential.kind])} ·{' '}
                  {t('account.methods.added', { at: credential.createdAt })}
                </span>
              </div>
              <ConfirmAction
                label={t('account.methods.remove')}
                accessibleLabel={t('account.methods.removeLabel', { label: credential.label })}
                question={t('account.methods.confirmRemove', { label: credential.label })}
                confirmLabel={t('account.methods.confirmYes')}
                onConfirm={() => remove(credential.id)}
                testId="credential-remove"
              />
            </li>
          ))}
          {value.wallet && (
            <li className="account-row" data-testid="credential-wallet">
              <MethodIcon kind="wallet" />
              <div className="account-row-text">
                <span className="account-row-title" title={value.wallet}>
                  {shortAddress(value.wallet)}
                </span>
                <span className="account-row-meta">{t('account.methods.wallet')}</span>
              </div>
            </li>
          )}
        </ul>
      )}
      <p className="account-error" role="alert">
        {shownError ? t(`error.${shownError}`) : ''}
      </p>
    </section>
  );
}
