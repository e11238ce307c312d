import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { sendStage } from './stageNet.ts';

const isTyping = (element: Element | null) =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement ||
  (element instanceof HTMLElement && element.isContentEditable);

/**
 * The host's invitation on stage: a non-modal alert dialog that takes focus itself (not its Accept button, so a key
 * pressed for something else never turns the microphone on), unless the member is typing (then an alert says it);
 * Escape declines.
 * Focus goes back where it was once the invitation is answered or withdrawn.
 */
export function StageInvitation() {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    const before = document.activeElement;
    if (isTyping(before)) setTyping(true);
    else box.current?.focus();
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected;
      if (lost && before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const answer = (accept: boolean) => sendStage('stageAnswerInvite', { accept });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    answer(false);
  };
  return (
    <div
      ref={box}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      tabIndex={-1}
      className="stage-invitation"
      onKeyDown={onKeyDown}
      data-testid="stage-invitation"
    >
      <p id={titleId} className="stage-invitation-title">
        {t('stage.invite.title')}
      </p>
      <p id={bodyId}>{t('stage.invite.body')}</p>
      {typing && (
        <p role="alert" className="visually-hidden">
          {t('stage.invite.title')}
        </p>
      )}
      <div className="event-form-row">
        <button type="button" className="primary" onClick={() => answer(true)} data-testid="stage-accept">
          {t('stage.invite.accept')}
        </button>
        <button type="button" onClick={() => answer(false)} data-testid="stage-decline">
          {t('stage.invite.decline')}
        </button>
      </div>
    </div>
  );
}
