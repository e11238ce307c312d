import { useId, useState } from 'react';
import type { Address } from 'viem';
import { useT } from '../../core/i18n/useT.ts';
import { GiftForm } from './GiftForm.tsx';

export interface GiftChooserProps {
  /** The member's own wallet (refused as a recipient); null without one. */
  member: string | null;
  busy: boolean;
  onToAddress: (to: Address) => void;
  onLink: () => void;
  onCancel: () => void;
  testId: string;
}

/** Gift to a wallet address, or create a one-time link a friend claims after signing in (no member lookup). */
export function GiftChooser({ member, busy, onToAddress, onLink, onCancel, testId }: GiftChooserProps) {
  const t = useT();
  const hintId = useId();
  const [toAddress, setToAddress] = useState(false);
  if (toAddress) return <GiftForm member={member} busy={busy} onSend={onToAddress} onCancel={onCancel} />;
  return (
    <fieldset className="gift-choice" data-testid={testId}>
      <legend>{t('rewards.giftHow')}</legend>
      <div className="prize-buttons">
        <button
          type="button"
          onClick={() => setToAddress(true)}
          disabled={busy}
          data-testid={`${testId}-address`}
        >
          {t('rewards.giftToWallet')}
        </button>
        <button
          type="button"
          onClick={onLink}
          disabled={busy}
          aria-describedby={hintId}
          data-testid={`${testId}-link`}
        >
          {t('rewards.giftByLink')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('rewards.cancel')}
        </button>
      </div>
      <p id={hintId} className="perk-hint">
        {t('rewards.giftLinkHint')}
      </p>
    </fieldset>
  );
}
