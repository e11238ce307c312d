import { type FormEvent, type KeyboardEvent, type RefObject, useId, useState } from 'react';
import { CHAT_MAX_LENGTH } from '../../../shared/protocol/limits.ts';
import { useT } from '../../core/i18n/useT.ts';
import { sendChat } from '../../core/net/send.ts';
import { useLayoverStore } from '../../core/store.ts';
import { useIsMuted } from '../../hall/hallHooks.ts';
import { ChatLog } from './ChatLog.tsx';

export interface ChatPanelProps {
  inputRef: RefObject<HTMLInputElement | null>;
}

/** Lounge chat: collapsible, Enter sends, Escape hands the keyboard back to walking. */
export function ChatPanel({ inputRef }: ChatPanelProps) {
  const t = useT();
  const ids = { heading: useId(), body: useId(), input: useId(), counter: useId() };
  const open = useLayoverStore((state) => state.chatOpen);
  const setOpen = useLayoverStore((state) => state.setChatOpen);
  const [text, setText] = useState('');
  // In an event hall the host can mute us: the box stays, greyed out, and says why.
  const muted = useIsMuted();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sendChat(text)) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') event.currentTarget.blur();
  };

  return (
    <section className={open ? 'chat open' : 'chat'} aria-labelledby={ids.heading}>
      <div className="chat-header">
        <h2 id={ids.heading}>{t('chat.heading')}</h2>
        <button type="button" aria-expanded={open} aria-controls={ids.body} onClick={() => setOpen(!open)}>
          {open ? t('chat.hide') : t('chat.show')}
        </button>
      </div>
      <div id={ids.body} className="chat-body" hidden={!open}>
        <ChatLog />
        <form className="chat-form" onSubmit={onSubmit}>
          <label htmlFor={ids.input} className="visually-hidden">
            {t('chat.inputLabel')}
          </label>
          <input
            id={ids.input}
            ref={inputRef}
            data-testid="chat-input"
            value={text}
            maxLength={CHAT_MAX_LENGTH}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={muted ? t('event.youAreMuted') : t('chat.placeholder')}
            disabled={muted}
            autoComplete="off"
            enterKeyHint="send"
            aria-describedby={ids.counter}
          />
          <span id={ids.counter} className="chat-counter">
            <span aria-hidden="true">
              {text.length}/{CHAT_MAX_LENGTH}
            </span>
            <span className="visually-hidden">
              {t('chat.counter', { count: text.length, max: CHAT_MAX_LENGTH })}
            </span>
          </span>
          <button type="submit" className="primary" disabled={muted || text.trim().length === 0}>
            {t('chat.send')}
          </button>
        </form>
      </div>
    </section>
  );
}
