import { useState } from 'react';
import { type ErrorCode, errorCodeOf } from '../../core/errorCodes.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { registerPasskey } from '../net/passkeys.ts';

export interface AddPasskeyButtonProps {
  primary: boolean;
  onAdded: () => void;
  onError: (code: ErrorCode | null) => void;
}

/** "Add a passkey": the browser asks for a fingerprint, face or PIN, and the passkey joins this member. */
export function AddPasskeyButton({ primary, onAdded, onError }: AddPasskeyButtonProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const { token, member } = useLayoverStore.getState();
    if (!token || !member) return onError('unauthorized');
    setBusy(true);
    onError(null);
    try {
      await registerPasskey(token);
      // The same session and seat; the member now keeps their account (the list below is read again).
      const store = useLayoverStore.getState();
      if (store.token && store.member) store.replaceSession(store.token, { ...store.member, lasting: true });
      store.pushToast({ kind: 'status', key: 'account.keep.passkeyAdded' });
      onAdded();
    } catch (cause) {
      console.warn('Layover: adding a passkey failed', cause);
      onError(errorCodeOf(cause, 'passkeyInvalid'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      onClick={() => void add()}
      disabled={busy}
      aria-busy={busy}
      data-testid="add-passkey"
    >
      {busy ? t('account.keep.addingPasskey') : t('account.keep.addPasskey')}
    </button>
  );
}
