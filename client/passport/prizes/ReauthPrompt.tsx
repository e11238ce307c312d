import { useEffect, useRef } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useIsGuest } from '../../core/useIsGuest.ts';
import { ReauthEmailForm } from './ReauthEmailForm.tsx';

export interface ReauthPromptProps {
  onCancel: () => void;
  testId: string;
}

/**
 * "Sign in again to confirm": the brand moves a prize it keeps only after a fresh sign-in. The member signs in here
 * with an emailed code; the new session replaces the old and the card carries on by itself.
 */
export function ReauthPrompt({ onCancel, testId }: ReauthPromptProps) {
  const t = useT();
  const guest = useIsGuest();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="prize-reauth" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h4 id={`${testId}-heading`} ref={heading} tabIndex={-1}>
        {t('rewards.reauthHeading')}
      </h4>
      <p>{t(guest ? 'rewards.reauthGuest' : 'rewards.reauthIntro')}</p>
      {!guest && <ReauthEmailForm testId={`${testId}-email`} />}
      <div className="prize-buttons">
        <button type="button" onClick={onCancel}>
          {t('rewards.cancel')}
        </button>
      </div>
    </section>
  );
}
