import { type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import './board.css';
import { closeBoardPanel, useBoardPanel } from './boardPanelStore.ts';
import { eventLines, flightLines, questLines } from './boardRows.ts';

/**
 * The departures board, readable: flights, live and upcoming events and the member's journeys, in the member's
 * language. Beside the lounge rather than over it (the journal may stay open); Escape or Close hands focus back.
 */
export function BoardPanel() {
  const open = useBoardPanel((state) => state.open);
  useEffect(
    () =>
      useLayoverStore.subscribe((state, before) => {
        // Opening the journal, passport or account takes the reader's attention: the board steps aside.
        if (state.questPanel && state.questPanel !== before.questPanel)
          useBoardPanel.setState({ open: false, opener: null });
      }),
    [],
  );
  return open ? <OpenBoard /> : null;
}

function OpenBoard() {
  const t = useT();
  const ids = { title: useId(), flights: useId(), events: useId(), quests: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const locale = useLayoverStore((state) => state.locale);
  const events = useLayoverStore((state) => state.liveEvents);
  const offset = useLayoverStore((state) => state.serverOffsetMs);
  const passport = useLayoverStore((state) => state.passport);
  useEffect(() => heading.current?.focus(), []);
  const flights = useMemo(flightLines, []);
  const shows = useMemo(() => eventLines(events, Date.now() + offset), [events, offset]);
  const quests = useMemo(() => questLines(passport, locale), [passport, locale]);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    [locale],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    closeBoardPanel();
  };

  return (
    <section
      className="board-panel"
      role="dialog"
      aria-labelledby={ids.title}
      onKeyDown={onKeyDown}
      data-testid="board-panel"
    >
      <header className="board-panel-header">
        <h2 id={ids.title} ref={heading} tabIndex={-1}>
          {t('board.title')}
        </h2>
        <button type="button" onClick={closeBoardPanel} data-testid="board-panel-close">
          {t('board.close')}
        </button>
      </header>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard */}
      <section className="board-panel-body" tabIndex={0} aria-labelledby={ids.title}>
        <h3 id={ids.flights}>{t('board.flights')}</h3>
        <table aria-labelledby={ids.flights} data-testid="board-flights">
          <thead>
            <tr>
              <th scope="col">{t('board.col.time')}</th>
              <th scope="col">{t('board.col.flight')}</th>
              <th scope="col">{t('board.col.destination')}</th>
              <th scope="col">{t('board.col.gate')}</th>
              <th scope="col">{t('board.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {flights.map((flight) => (
              <tr key={flight.key}>
                <td>{flight.time}</td>
                <td>{flight.flight}</td>
                <td>{flight.city ? t(flight.city) : flight.destination}</td>
                <td>{flight.gate}</td>
                <td data-status={flight.status}>{t(flight.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 id={ids.events}>{t('board.events')}</h3>
        {shows.length === 0 ? (
          <p className="board-empty">{t('board.noEvents')}</p>
        ) : (
          <table aria-labelledby={ids.events} data-testid="board-events">
            <thead>
              <tr>
                <th scope="col">{t('board.col.time')}</th>
                <th scope="col">{t('board.col.event')}</th>
                <th scope="col">{t('board.col.hall')}</th>
                <th scope="col">{t('board.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shows.map((show) => (
                <tr key={show.id}>
                  <td>{when.format(show.startsAt)}</td>
                  <td>{show.title}</td>
                  <td>{t(show.hall)}</td>
                  <td>{t(show.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id={ids.quests}>{t('board.quests')}</h3>
        {quests.length === 0 ? (
          <p className="board-empty">{t('board.noQuests')}</p>
        ) : (
          <ul className="board-quests" aria-labelledby={ids.quests} data-testid="board-quests">
            {quests.map((quest) => (
              <li key={quest.id} data-state={quest.state} data-testid={`board-quest-${quest.id}`}>
                <span>{quest.title}</span>
                <span className="board-quest-state">
                  {quest.state === 'done'
                    ? t('board.questDone')
                    : quest.state === 'locked'
                      ? t('board.questLocked')
                      : t('board.questSteps', { done: quest.stepsDone, total: quest.steps })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
