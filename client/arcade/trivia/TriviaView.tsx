import { useEffect } from 'react';
import { HTML_LANG } from '../../core/i18n/htmlLang.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { setGameKeys } from '../gameKeys.ts';
import { PhaseClock } from '../hud/PhaseClock.tsx';
import { sendAnswer } from '../net/gameInputs.ts';
import { choiceState } from './choiceState.ts';

const CHOICE_KEYS = ['Digit1', 'Digit2', 'Digit3', 'Digit4'];
const LETTERS = ['A', 'B', 'C', 'D'];

/** Gate Trivia: the open question in the member's language, four choices (keys 1-4), its clock and the reveal. */
export default function TriviaView() {
  const t = useT();
  const view = useLayoverStore((state) => state.gameView);
  const question = useLayoverStore((state) => state.triviaQuestion);
  const pick = useLayoverStore((state) => state.triviaPick);
  const selfId = useLayoverStore((state) => state.game?.selfId);

  useEffect(() => {
    setGameKeys((event) => {
      const index = CHOICE_KEYS.indexOf(event.code);
      if (index < 0) return false;
      if (!event.repeat) sendAnswer(index);
      return true;
    });
    return () => setGameKeys(null);
  }, []);

  if (!view?.trivia) return null;
  const current = question && question.turn === view.turn ? question : null;
  const open = view.phase === 'playing' && current !== null;
  const revealed = view.phase === 'reveal' && view.trivia.correct >= 0;
  const myPick = pick && current && pick.turn === current.turn ? pick : null;
  const self = view.players.find((player) => player.sessionId === selfId);

  if (!current || (!open && !revealed)) {
    return (
      <div className="trivia-view">
        <div className="trivia-card trivia-idle">
          <p>{t('games.trivia.waiting')}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="trivia-view" data-testid="trivia-view">
      <article className="trivia-card" lang={HTML_LANG[current.locale as keyof typeof HTML_LANG] ?? 'en'}>
        <header className="trivia-meta">
          <span>{current.packName}</span>
          <span>{t('games.trivia.questionOf', { turn: current.turn + 1, turns: view.turns })}</span>
          {open && (
            <span className="trivia-clock">
              {t('games.trivia.timeLeft')} <PhaseClock endsAt={current.closesAt} />
            </span>
          )}
        </header>
        <h3 className="trivia-prompt" data-testid="trivia-prompt">
          {current.prompt}
        </h3>
        <ol className="trivia-choices">
          {current.choices.map((choice, index) => {
            const state = choiceState(
              index,
              myPick?.choice ?? null,
              revealed ? (view.trivia?.correct ?? -1) : -1,
            );
            return (
              <li key={index}>
                <button
                  type="button"
                  className="trivia-choice"
                  data-state={state}
                  disabled={!open || myPick !== null}
                  aria-pressed={myPick?.choice === index}
                  aria-keyshortcuts={String(index + 1)}
                  onClick={() => sendAnswer(index)}
                  data-testid={`trivia-choice-${index}`}
                >
                  <span className="choice-letter" aria-hidden="true">
                    {LETTERS[index]}
                  </span>
                  {choice}
                  {state === 'right' && (
                    <span className="visually-hidden"> {t('games.trivia.rightAnswer')}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="trivia-outcome" role="status" data-testid="trivia-outcome">
          {revealed
            ? myPick?.outcome === 'accepted'
              ? myPick.choice === view.trivia.correct
                ? t('games.trivia.right', { points: self?.gain ?? 0 })
                : t('games.trivia.wrong')
              : t('games.trivia.noAnswer')
            : myPick
              ? myPick.outcome === null
                ? t('games.trivia.sending')
                : myPick.outcome === 'accepted'
                  ? t('games.trivia.locked')
                  : t('games.trivia.late')
              : ''}
        </p>
      </article>
    </div>
  );
}
