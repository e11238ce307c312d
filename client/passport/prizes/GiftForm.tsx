import { type FormEvent, useId, useState } from 'react';
import type { Address } from 'viem';
import { useT } from '../../core/i18n/useT.ts';
import { checkRecipient, type RecipientProblem, recipientProblemKey } from './recipient.ts';

export interface GiftFormProps {
  /** The member's own wallet, which cannot receive the gift; null without one. */
  member: string | null;
  busy: boolean;
  onSend: (to: Address) => void;
  onCancel: () => void;
}

/** Asks for the recipient's 0x address (checksum, not zero, not their own) before anything is signed or sent. */
export function GiftForm({ member, busy, onSend, onCancel }: GiftFormProps) {
  const t = useT();
  const ids = { input: useId(), problem: useId() };
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<RecipientProblem | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkRecipient(text, member);
    if (!check.ok) return setProblem(check.problem);
    setProblem(null);
    onSend(check.address);
  };

  return (
    <form className="gift-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={ids.input}>{t('prizes.giftTo')}</label>
      <input
        id={ids.input}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        placeholder="0x…"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={problem !== null}
        aria-describedby={problem ? ids.problem : undefined}
        disabled={busy}
        data-testid="gift-address"
      />
      <p id={ids.problem} className="prize-error" role="alert" data-testid="gift-problem">
        {problem ? t(recipientProblemKey(problem)) : ''}
      </p>
      <div className="prize-buttons">
        <button type="submit" className="primary" disabled={busy} data-testid="gift-send">
          {t('prizes.giftSend')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('prizes.cancel')}
        </button>
      </div>
    </form>
  );
}
