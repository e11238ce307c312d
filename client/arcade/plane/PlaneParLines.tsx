import { planeGame } from '../../../shared/content/games.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { FlightView } from '../gameView.ts';
import { formatMetres } from '../results.ts';
import { closestToPar, formatParShare } from './parLine.ts';

/** Paper Plane's results: what wins the prize (the gold line), and how close the round's best attempt came to it. */
export function PlaneParLines({ flights }: { flights: readonly FlightView[] }) {
  const t = useT();
  const locale = useLayoverStore((state) => state.locale);
  const closest = closestToPar(flights);
  const metres = (value: number) => formatMetres(value, locale);
  return (
    <div className="plane-par-lines">
      <p data-testid="results-prize-rule">
        {t('games.plane.prizeRule', { share: formatParShare(planeGame.parShare, locale) })}
      </p>
      {closest && (
        <p data-testid="results-par" data-made={closest.made}>
          {closest.made
            ? t('games.plane.madeLine', {
                turn: closest.turn + 1,
                distance: metres(closest.distance),
                par: metres(closest.par),
              })
            : t('games.plane.closest', {
                turn: closest.turn + 1,
                distance: metres(closest.distance),
                par: metres(closest.par),
                percent: formatParShare(closest.share, locale),
              })}
        </p>
      )}
    </div>
  );
}
