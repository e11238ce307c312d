import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useIsMuted } from '../hallHooks.ts';
import { sendAudience } from '../net/eventSend.ts';

const ASK_MAX = 200;

/** Sends a question to the host; it appears in everyone's Q&A list (and on stage if the host pins it). */
export function AskForm() {
  const t = useT();
  const id = useId();
  const muted = useIsMuted();
  const [text, setText] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sendAudience('ask', { text })) setText('');
  };
  return (
    <form className="event-form ask-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{t('event.ask.label')}</label>
      <div className="event-form-row">
        <input
          id={id}
          value={text}
          maxLength={ASK_MAX}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('event.ask.placeholder')}
          disabled={muted}
          autoComplete="off"
          enterKeyHint="send"
          data-testid="event-ask-input"
        />
        <button
          type="submit"
          className="primary"
          disabled={muted || text.trim() === ''}
          data-testid="event-ask-send"
        >
          {t('event.ask.send')}
        </button>
      </div>
    </form>
  );
}
