import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../../core/i18n/en.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { setGameKeys } from '../gameKeys.ts';
import { PhaseClock } from '../hud/PhaseClock.tsx';
import { type GrabAttempt, sendGrab } from '../net/gameInputs.ts';
import { gameClock } from '../serverClock.ts';
import { BagsScene, DECOY_COLOR, MINE_COLOR, PRIORITY_COLOR, STATION_COLORS } from './BagsScene.tsx';
import { grabbedBags, liveBags } from './liveBags.ts';
import { pickBag } from './pickBag.ts';

/** What a click that sent nothing says (the server's outcomes come back as feedback in the store). */
const LOCAL_HINTS: Partial<Record<GrabAttempt, MessageKey>> = {
  outOfReach: 'games.bags.outOfReach',
  gone: 'games.bags.outcome.gone',
  already: 'games.bags.outcome.duplicate',
};

/** Baggage Rush: the carousel, our tag and reach, a Grab button (Space) and what became of each grab. */
export default function BagsView() {
  const t = useT();
  const view = useLayoverStore((state) => state.gameView);
  const selfId = useLayoverStore((state) => state.game?.selfId);
  const feedback = useLayoverStore((state) => state.gameFeedback);
  const [hint, setHint] = useState<MessageKey | null>(null);

  const grab = useCallback((bagId: number) => {
    setHint(LOCAL_HINTS[sendGrab(bagId)] ?? null);
  }, []);

  // The server's word on a grab replaces whatever the last click said locally.
  useEffect(() => {
    if (feedback?.kind === 'grabbed') setHint(null);
  }, [feedback]);

  const grabNearest = useCallback(() => {
    const { gameView, game } = useLayoverStore.getState();
    const belt = gameView?.bags;
    const self = gameView?.players.find((player) => player.sessionId === game?.selfId);
    const station = self ? belt?.stations[self.station] : undefined;
    if (!belt || station === undefined || !self) return;
    const bagId = pickBag(liveBags.values(), grabbedBags, {
      t: Math.floor(gameClock.now()),
      station,
      myTag: belt.stationTags[self.station],
      belt,
    });
    if (bagId === null) setHint('games.bags.nothingInReach');
    else grab(bagId);
  }, [grab]);

  useEffect(() => {
    setGameKeys((event) => {
      if (event.code !== 'Space') return false;
      if (!event.repeat) grabNearest();
      return true;
    });
    return () => setGameKeys(null);
  }, [grabNearest]);

  if (!view?.bags) return null;
  const self = view.players.find((player) => player.sessionId === selfId);
  const myTag = self && self.station >= 0 ? view.bags.stationTags[self.station] : undefined;
  const playing = view.phase === 'playing';
  const latest = hint
    ? t(hint)
    : feedback?.kind === 'grabbed'
      ? t(`games.bags.outcome.${feedback.outcome}`)
      : '';

  return (
    <div className="bags-view">
      <div className="game-canvas bags-canvas" data-testid="bags-canvas">
        <BagsScene onGrab={grab} />
      </div>
      <section className="bags-hud">
        {myTag ? (
          <p className="bags-tag" data-testid="bags-tag">
            <span className="swatch" style={{ background: MINE_COLOR }} aria-hidden="true" />
            {t('games.bags.yourTag', { tag: myTag })}
          </p>
        ) : (
          <p className="game-hint">{t('games.bags.waiting')}</p>
        )}
        <ul className="bags-legend">
          <li>
            <span className="swatch" style={{ background: PRIORITY_COLOR }} aria-hidden="true" />
            {t('games.bags.priority')}
          </li>
          {(myTag ? view.bags.stationTags : []).map((tag, index) =>
            index === self?.station ? null : (
              <li key={tag}>
                <span
                  className="swatch"
                  style={{ background: STATION_COLORS[index % STATION_COLORS.length] }}
                  aria-hidden="true"
                />
                {t('games.bags.othersTag', { tag })}
              </li>
            ),
          )}
          <li>
            <span className="swatch" style={{ background: DECOY_COLOR }} aria-hidden="true" />
            {t('games.bags.decoy')}
          </li>
        </ul>
        <button
          type="button"
          className="primary game-action"
          onClick={grabNearest}
          disabled={!playing || !myTag}
          aria-keyshortcuts="Space"
          data-testid="bags-grab"
        >
          {t('games.bags.grab')}
        </button>
        {playing && (
          <p className="game-hint">
            {t('games.bags.timeLeft')} <PhaseClock endsAt={view.phaseEndsAt} />
          </p>
        )}
        <p className="bags-feedback" role="status" data-testid="bags-feedback">
          {latest}
        </p>
        <p className="game-hint">{t('games.bags.help')}</p>
      </section>
    </div>
  );
}
