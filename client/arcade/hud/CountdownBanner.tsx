import { useT } from '../../core/i18n/useT.ts';
import { playSound } from '../sounds.ts';
import { PhaseClock } from './PhaseClock.tsx';

const tick = (seconds: number) => {
  if (seconds > 0) playSound('tick');
};

/** The seconds before a round starts, large, with a tick each second. */
export function CountdownBanner({ endsAt }: { endsAt: number }) {
  const t = useT();
  return (
    <div className="game-panel game-countdown" data-testid="game-countdown">
      <p>{t('games.getReady')}</p>
      <PhaseClock endsAt={endsAt} onSecond={tick} className="countdown-number" />
    </div>
  );
}
