import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { sendHost } from '../net/eventSend.ts';

/** Puts a line on the big screen and every member's announcement banner, in every instance. */
export function HostAnnounce() {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sendHost('announce', { text })) setText('');
  };
  return (
    <form className="event-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{t('host.announce')}</label>
      <div className="event-form-row">
        <input
          id={id}
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('host.announcePlaceholder')}
          autoComplete="off"
          data-testid="host-announce-text"
        />
        <button
          type="submit"
          className="primary"
          disabled={text.trim() === ''}
          data-testid="host-announce-send"
        >
          {t('host.send')}
        </button>
      </div>
    </form>
  );
}
