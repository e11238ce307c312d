import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { isEventHall } from '../../core/roomNames.ts';
import { useLayoverStore } from '../../core/store.ts';
import { ReportLineButton } from '../../hall/ReportLineButton.tsx';

/** The last 50 chat lines; new lines are announced politely and scroll into view unless you scrolled up. */
export function ChatLog() {
  const t = useT();
  const lines = useLayoverStore((state) => state.chatLines);
  const selfMemberId = useLayoverStore((state) => state.member?.id);
  const locale = useLayoverStore((state) => state.locale);
  const inHall = useLayoverStore((state) => isEventHall(state.room));
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const time = useMemo(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    [locale],
  );

  useEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current && lines.length > 0) list.scrollTop = list.scrollHeight;
  }, [lines]);

  return (
    <div
      ref={listRef}
      className="chat-log"
      role="log"
      aria-live="polite"
      aria-label={t('chat.log')}
      onScroll={(event) => {
        const el = event.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.length === 0 ? (
        <p className="chat-empty">{t('chat.empty')}</p>
      ) : (
        <ol>
          {lines.map((line) => (
            <li key={line.id} className={line.memberId === selfMemberId ? 'mine' : undefined}>
              <time dateTime={new Date(line.at).toISOString()}>{time.format(line.at)}</time>{' '}
              <strong>{line.name}</strong> <span>{line.text}</span>
              {inHall && line.memberId !== selfMemberId && <ReportLineButton line={line} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
