import { useContent } from '../../core/content/useContent.ts';
import { prizeName } from '../../core/content.ts';
import { useT } from '../../core/i18n/useT.ts';
import { useLayoverStore } from '../../core/store.ts';
import type { StageDropView } from '../eventView.ts';
import { sendAudience } from '../net/eventSend.ts';
import { DropOutcomeLine } from './DropOutcomeLine.tsx';
import { LiveCountdown } from './LiveCountdown.tsx';
import { RaffleProof } from './RaffleProof.tsx';

function DropNumbers({ drop }: { drop: StageDropView }) {
  const t = useT();
  const vars = { claimed: drop.claimed, supply: drop.supply, entrants: drop.entrants };
  return (
    <p className="drop-numbers" data-testid="drop-numbers">
      {t(drop.mode === 'raffle' ? 'event.drop.raffleNumbers' : 'event.drop.firstNumbers', vars)}
    </p>
  );
}

/** The drop the host released: countdown, what is left, a Claim button, our outcome and the raffle's proof. */
export function DropCard() {
  const t = useT();
  const drop = useLayoverStore((state) => state.hall?.stage.drop ?? null);
  const outcome = useLayoverStore((state) => state.dropOutcome);
  const locale = useLayoverStore((state) => state.locale);
  useContent();
  if (!drop) return null;
  const mine = outcome?.dropId === drop.id ? outcome : null;
  const open = drop.state === 'open';
  const prize = prizeName(drop.prizeId, locale);
  return (
    <section className={`event-card event-drop ${open ? 'open' : ''}`} data-testid="drop-card">
      <p className="event-card-kicker">
        {t(drop.mode === 'raffle' ? 'event.drop.raffle' : 'event.drop.first')}
      </p>
      <h3>{t('event.drop.title', { prize })}</h3>
      <DropNumbers drop={drop} />
      {open ? (
        <p className="drop-time">
          {t('event.drop.closesIn')} <LiveCountdown endsAt={drop.closesAt} testId="drop-countdown" />
        </p>
      ) : (
        <p className="drop-time">{t(drop.state === 'drawn' ? 'event.drop.drawn' : 'event.drop.closed')}</p>
      )}
      {open && !mine && (
        <button
          type="button"
          className="primary"
          onClick={() => sendAudience('claimDrop', { dropId: drop.id })}
          aria-label={t('event.drop.claimLabel', { prize })}
          data-testid="drop-claim"
        >
          {t(drop.mode === 'raffle' ? 'event.drop.enter' : 'event.drop.claim')}
        </button>
      )}
      {mine && <DropOutcomeLine outcome={mine} />}
      {drop.mode === 'raffle' && <RaffleProof drop={drop} />}
    </section>
  );
}
