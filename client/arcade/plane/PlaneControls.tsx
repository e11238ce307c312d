import { useId } from 'react';
import { PLANE_ANGLE } from '../../../shared/protocol/games.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import { PhaseClock } from '../hud/PhaseClock.tsx';
import { formatMetres, formatWind, windKind } from '../results.ts';
import type { Aim } from './aim.ts';
import { madeParLine } from './parLine.ts';

export interface PlaneControlsProps {
  aim: Aim;
  onAim: (aim: Aim) => void;
  onThrow: () => void;
}

/** Angle and power sliders, the throw button, this throw's wind and the round's three distances. */
export function PlaneControls({ aim, onAim, onThrow }: PlaneControlsProps) {
  const t = useT();
  const id = useId();
  const locale = useLayoverStore((state) => state.locale);
  const view = useLayoverStore((state) => state.gameView);
  if (!view?.plane) return null;
  const { phase, turn, turns, phaseEndsAt } = view;
  const { wind, par, flights } = view.plane;
  const thrown = flights.some((flight) => flight.turn === turn);
  const canThrow = phase === 'playing' && !thrown;
  const best = flights.reduce((top, flight) => Math.max(top, flight.distance), 0);
  const kind = windKind(wind);

  return (
    <section className="plane-controls" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('games.plane.controls')}
      </h2>
      <p className={`plane-wind wind-${kind}`} data-testid="plane-wind">
        <span aria-hidden="true" className="wind-arrow">
          {kind === 'tail' ? '→' : kind === 'head' ? '←' : '·'}
        </span>
        {kind === 'calm'
          ? t('games.plane.windCalm')
          : t(kind === 'tail' ? 'games.plane.windTail' : 'games.plane.windHead', {
              speed: formatWind(wind, locale),
            })}
      </p>
      {par > 0 && phase !== 'lobby' && (
        <p className="plane-prize-line" data-testid="plane-prize-line">
          {t('games.plane.prizeLine', { par: formatMetres(par, locale) })}
        </p>
      )}
      <div className="plane-sliders">
        <label htmlFor={`${id}-angle`}>
          {t('games.plane.angle')} <strong>{Math.round(aim.angle)}°</strong>
        </label>
        <input
          id={`${id}-angle`}
          type="range"
          min={PLANE_ANGLE.min}
          max={PLANE_ANGLE.max}
          step={1}
          value={aim.angle}
          onChange={(event) => onAim({ ...aim, angle: Number(event.target.value) })}
          data-testid="plane-angle"
        />
        <label htmlFor={`${id}-power`}>
          {t('games.plane.power')} <strong>{Math.round(aim.power * 100)}%</strong>
        </label>
        <input
          id={`${id}-power`}
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(aim.power * 100)}
          onChange={(event) => onAim({ ...aim, power: Number(event.target.value) / 100 })}
          data-testid="plane-power"
        />
      </div>
      <button
        type="button"
        className="primary game-action"
        onClick={onThrow}
        disabled={!canThrow}
        aria-keyshortcuts="Space"
        data-testid="plane-throw"
      >
        {t('games.plane.throw', { turn: Math.min(turn + 1, turns), turns })}
      </button>
      {canThrow && (
        <p className="game-hint">
          {t('games.plane.timeLeft')} <PhaseClock endsAt={phaseEndsAt} />
        </p>
      )}
      <p className="game-hint">{t('games.plane.keysHint')}</p>
      <ol className="plane-throws" data-testid="plane-throws">
        {Array.from({ length: turns }, (_, index) => {
          const flight = flights.find((candidate) => candidate.turn === index);
          const isBest = flight !== undefined && flight.distance === best && best > 0;
          return (
            <li
              key={index}
              data-best={isBest}
              data-made={flight !== undefined && madeParLine(flight)}
              data-testid={`plane-throw-${index}`}
            >
              <span>{t('games.plane.throwNumber', { turn: index + 1 })}</span>
              <strong>{flight ? formatMetres(flight.distance, locale) : '—'}</strong>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
